/**
 * Pages of legal prose made from a seed, for measuring the law-citation finder on text no rule was
 * written against: sentences that cite acts of the register (article before or after the act, with
 * its date, number, title, abbreviation, in Russian, Kazakh, English and Chinese), and sentences that
 * look like citations and are not — articles of acts the register does not hold (the Constitution,
 * the Civil Code, the Covenant), the words of a title used as plain words («в приёме в гражданство
 * Республики Казахстан», "the status of refugees"), outgoing numbers that share digits with a law's
 * number, articles with no act. Each page's truth is the set of {law, article} pairs it cites.
 * Test support only.
 *
 * The phrasing here was written from how Kazakh, Russian, English and Chinese legal letters cite, not
 * from the finder's vocabulary; a failing page is made again from its seed: citationPage(seed).
 */
import { randomFrom, type Random } from '../../dates/testing/random';

export type Language = 'ru' | 'kk' | 'en' | 'zh';

export interface CitationPage {
  seed: number;
  language: Language;
  text: string;
  /** `LAW-ID:article` for each article cited, `LAW-ID:null` for an act named plainly without one */
  truth: Set<string>;
  /** how each sentence was made, for reading a failure */
  sentences: Array<{ text: string; pairs: string[]; form: string }>;
}

interface Act {
  id: string;
  /** Russian, in the genitive, as «статьи N …» governs it; a few ways per act */
  ruGen: string[];
  /** Kazakh, in the genitive, before «N-бабы» */
  kkGen: string[];
  /** English, after "Article N of" */
  en: string[];
  zh?: string[];
  /** how the act is named with no article: a subject or an object in plain prose */
  ruPlain: string[];
  enPlain: string[];
  kkPlain: string[];
}

const ACTS: Act[] = [
  {
    id: 'KZ-477-IV',
    ruGen: ['Закона Республики Казахстан «О миграции населения»', 'Закона РК от 22 июля 2011 года № 477-IV «О миграции населения»', 'Закона Республики Казахстан от 22.07.2011 г. № 477-IV', 'Закона «О миграции населения»'],
    kkGen: ['Қазақстан Республикасының «Халықтың көші-қоны туралы» Заңының', '«Халықтың көші-қоны туралы» 2011 жылғы 22 шілдедегі № 477-IV ҚР Заңының', 'ҚР «Халықтың көші-қоны туралы» Заңының'],
    en: ['the Law of the Republic of Kazakhstan "On Migration of Population"', 'Law No. 477-IV "On Population Migration"', 'the Law "On Migration of Population" No. 477-IV of 22 July 2011'],
    ruPlain: ['Закон Республики Казахстан «О миграции населения»', 'Закон РК № 477-IV'],
    enPlain: ['the Law "On Migration of Population"', 'Law No. 477-IV'],
    kkPlain: ['«Халықтың көші-қоны туралы» Заң'],
  },
  {
    id: 'KZ-216-IV',
    ruGen: ['Закона Республики Казахстан «О беженцах»', 'Закона РК от 4 декабря 2009 года № 216-IV «О беженцах»', 'Закона «О беженцах»'],
    kkGen: ['Қазақстан Республикасының «Босқындар туралы» Заңының', '«Босқындар туралы» ҚР Заңының'],
    en: ['the Law of the Republic of Kazakhstan "On Refugees"', 'the Law "On Refugees" No. 216-IV', 'the Law on Refugees'],
    ruPlain: ['Закон Республики Казахстан «О беженцах»', 'Закон «О беженцах» № 216-IV'],
    enPlain: ['the Law "On Refugees"', 'the Law on Refugees'],
    kkPlain: ['«Босқындар туралы» Заң'],
  },
  {
    id: 'KZ-1017-XII',
    ruGen: ['Закона Республики Казахстан «О гражданстве Республики Казахстан»', 'Закона РК от 20 декабря 1991 года № 1017-XII «О гражданстве Республики Казахстан»', 'Закона «О гражданстве Республики Казахстан»'],
    kkGen: ['«Қазақстан Республикасының азаматтығы туралы» Заңының', '«Қазақстан Республикасының азаматтығы туралы» ҚР Заңының'],
    en: ['the Law "On Citizenship of the Republic of Kazakhstan"', 'the Law on Citizenship'],
    ruPlain: ['Закон «О гражданстве Республики Казахстан»'],
    enPlain: ['the Law "On Citizenship of the Republic of Kazakhstan"'],
    kkPlain: ['«Қазақстан Республикасының азаматтығы туралы» Заң'],
  },
  {
    id: 'KZ-73-V',
    ruGen: ['Закона Республики Казахстан «О документах, удостоверяющих личность»', 'Закона РК от 29 января 2013 года № 73-V «О документах, удостоверяющих личность»'],
    kkGen: ['«Жеке басты куәландыратын құжаттар туралы» Қазақстан Республикасы Заңының'],
    en: ['the Law "On Documents Certifying Identity"', 'the Law "On Identity Documents" No. 73-V'],
    ruPlain: ['Закон РК «О документах, удостоверяющих личность»'],
    enPlain: ['the Law "On Identity Documents"'],
    kkPlain: ['«Жеке басты куәландыратын құжаттар туралы» Заң'],
  },
  {
    id: 'KZ-226-V',
    ruGen: ['Уголовного кодекса Республики Казахстан', 'УК РК', 'Уголовного кодекса РК'],
    kkGen: ['Қазақстан Республикасы Қылмыстық кодексінің', 'ҚР ҚК'],
    en: ['the Criminal Code of the Republic of Kazakhstan', 'the Criminal Code'],
    ruPlain: ['Уголовный кодекс Республики Казахстан'],
    enPlain: ['the Criminal Code of the Republic of Kazakhstan'],
    kkPlain: ['Қазақстан Республикасының Қылмыстық кодексі'],
  },
  {
    id: 'KZ-231-V',
    ruGen: ['Уголовно-процессуального кодекса Республики Казахстан', 'УПК РК'],
    kkGen: ['Қазақстан Республикасы Қылмыстық-процестік кодексінің', 'ҚР ҚПК'],
    en: ['the Criminal Procedure Code of the Republic of Kazakhstan', 'the CPC'],
    ruPlain: ['Уголовно-процессуальный кодекс Республики Казахстан'],
    enPlain: ['the Criminal Procedure Code of the Republic of Kazakhstan'],
    kkPlain: ['Қазақстан Республикасының Қылмыстық-процестік кодексі'],
  },
  {
    id: 'KZ-350-VI',
    ruGen: ['Административного процедурно-процессуального кодекса Республики Казахстан', 'АППК РК'],
    kkGen: ['Қазақстан Республикасы Әкімшілік рәсімдік-процестік кодексінің', 'ҚР ӘРПК'],
    en: ['the Administrative Procedural and Process Code of the Republic of Kazakhstan', 'the APPC'],
    ruPlain: ['Административный процедурно-процессуальный кодекс Республики Казахстан'],
    enPlain: ['the Administrative Procedural and Process Code'],
    kkPlain: ['Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексі'],
  },
  {
    id: 'UN-1951-CSR',
    ruGen: ['Конвенции о статусе беженцев 1951 года', 'Конвенции 1951 года о статусе беженцев'],
    kkGen: ['Босқындардың мәртебесі туралы 1951 жылғы Конвенцияның'],
    en: ['the 1951 Convention relating to the Status of Refugees', 'the 1951 Refugee Convention', 'the Refugee Convention'],
    zh: ['《关于难民地位的公约》'],
    ruPlain: ['Конвенция о статусе беженцев 1951 года'],
    enPlain: ['the 1951 Convention relating to the Status of Refugees'],
    kkPlain: ['Босқындардың мәртебесі туралы 1951 жылғы Конвенция'],
  },
  {
    id: 'CN-EEAL-2012',
    ruGen: ['Закона Китайской Народной Республики об управлении въездом и выездом'],
    kkGen: ['Қытай Халық Республикасының шекарадан шығу мен кіруді басқару туралы заңының'],
    en: ["the Exit and Entry Administration Law of the People's Republic of China", 'the Exit and Entry Administration Law'],
    zh: ['《中华人民共和国出境入境管理法》', '《出境入境管理法》'],
    ruPlain: ['Закон КНР об управлении въездом и выездом'],
    enPlain: ['the Exit and Entry Administration Law'],
    kkPlain: ['Қытай Халық Республикасының шекарадан шығу мен кіруді басқару туралы заңы'],
  },
  {
    id: 'CN-HRR-1958',
    ruGen: ['Положения Китайской Народной Республики о регистрации домохозяйств'],
    kkGen: ['Қытай Халық Республикасының үй шаруашылығын тіркеу туралы ережесінің'],
    en: ["the Regulations of the People's Republic of China on Household Registration", 'the Household Registration Regulations'],
    zh: ['《中华人民共和国户口登记条例》', '《户口登记条例》'],
    ruPlain: ['Положение КНР о регистрации домохозяйств'],
    enPlain: ['the Household Registration Regulations'],
    kkPlain: ['Қытай Халық Республикасының үй шаруашылығын тіркеу туралы ережесі'],
  },
];

/** Acts the register does not hold, named as a citation names an act. */
const FOREIGN = {
  ruGen: [
    'Конституции Республики Казахстан', 'Гражданского кодекса Республики Казахстан', 'Трудового кодекса РК', 'Налогового кодекса Республики Казахстан',
    'Закона Республики Казахстан «О государственной службе»', 'Закона РК «О правовых актах»', 'Закона РК от 6 апреля 2016 года № 480-V «О правовых актах»',
    'Закона Республики Казахстан «Об адвокатской деятельности и юридической помощи»', 'Международного пакта о гражданских и политических правах', 'Конвенции против пыток',
    'Гражданского процессуального кодекса Республики Казахстан', 'Закона РК «О порядке рассмотрения обращений физических и юридических лиц»',
  ],
  kkGen: ['Қазақстан Республикасы Конституциясының', 'Қазақстан Республикасының Азаматтық кодексінің', '«Құқықтық актілер туралы» ҚР Заңының', 'Азаматтық процестік кодексінің', '«Мемлекеттік қызмет туралы» Қазақстан Республикасы Заңының'],
  en: [
    'the Constitution of the Republic of Kazakhstan', 'the Civil Code', 'the Convention against Torture', 'the International Covenant on Civil and Political Rights',
    'the Universal Declaration of Human Rights', 'the Law "On Legal Acts"', 'the Law "On Civil Service" No. 416-V', 'the Convention on the Rights of the Child', 'the Labour Code',
  ],
  zh: ['《中华人民共和国宪法》', '《中华人民共和国刑法》', '《中华人民共和国治安管理处罚法》', '《中华人民共和国居民身份证法》'],
};

/** Sentences that use the words of titles, numbers and dates and cite nothing. */
const PLAIN = {
  ru: [
    'В приёме в гражданство Республики Казахстан отказано.', 'Заявитель обратился по вопросу миграции населения в Департамент миграционной службы.',
    'Вопрос о присвоении статуса беженца рассматривается комиссией.', 'Заявителю выдано удостоверение беженца сроком на один год.',
    'Документ, удостоверяющий личность, изъят при задержании.', 'Документ подписан электронной цифровой подписью.',
    'Ответ направлен исх. № {n}-{m}/{k} от {d}.', 'Дело № {n}-{m}-{k} назначено к рассмотрению.', 'Кабинет № {n}, телефон 8 (7172) {m}-{k}.',
    'Просим рассмотреть обращение в установленный законом срок.', 'Заявитель проживает в Республике Казахстан с 2017 года.',
    'Сотрудники полиции Китайской Народной Республики неоднократно вызывали его родственников.', 'Уголовное дело прекращено за отсутствием состава преступления.',
    'Согласно справке, заявитель состоит на учёте в органах миграции.', 'Решение может быть обжаловано в суд.',
  ],
  kk: [
    'Қазақстан Республикасының азаматтығын алудан бас тартылды.', 'Өтініш беруші көші-қон қызметі департаментіне жүгінді.',
    'Босқын мәртебесін беру туралы мәселе комиссияда қаралады.', 'Өтініш берушіге бір жылға босқын куәлігі берілді.',
    'Шығыс № {n}-{m}/{k}, {d}.', 'Өтініш заңда белгіленген мерзімде қаралады.', 'Жеке басты куәландыратын құжат ұсынылмады.',
  ],
  en: [
    'The application for citizenship of the Republic of Kazakhstan was refused.', 'The status of refugees in the region has worsened.',
    'The applicant holds a refugee certificate valid for one year.', 'Identity documents were seized by the police.',
    'Our ref. No. {n}-{m}/{k} of {d}.', 'Case No. {n}-{m}-{k} is listed for hearing.', 'The applicant has lived in Kazakhstan since 2017.',
    'Migration of population is governed by several acts.', 'Exit and entry at the border were recorded.', 'Household registration records were requested.',
    'The decision may be appealed to the court within the time limit set by law.', 'Relatives in Xinjiang were summoned by the police.',
  ],
  zh: ['经查，该人员户口登记在本村。', '请于{n}日内到派出所说明情况。', '编号：乌公通〔{k}〕{n}号', '出境入境记录已调取。'],
};

function fill(random: Random, template: string): string {
  return template
    .replace('{n}', String(random.int(2, 499)))
    .replace('{m}', String(random.int(1, 99)))
    .replace('{k}', String(random.int(1, 2024)))
    .replace('{d}', `${String(random.int(1, 28)).padStart(2, '0')}.${String(random.int(1, 12)).padStart(2, '0')}.20${random.int(15, 24)}`);
}

const article = (random: Random) => String(random.pick([random.int(1, 60), random.int(1, 60), random.int(100, 470)]));

const CN_DIGITS = '零一二三四五六七八九';
function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return String(n);
}

interface Made {
  text: string;
  pairs: string[];
  form: string;
}

/** A sentence citing one act of the register. */
function citing(random: Random, language: Language): Made {
  const candidates = language === 'zh' ? ACTS.filter((a) => a.zh) : ACTS;
  const act = random.pick(candidates);
  const a1 = article(random);
  const two = random.chance(0.2);
  const a2 = two ? String(Number(a1) + random.int(1, 9)) : null;
  const pairs = [`${act.id}:${a1}`, ...(a2 ? [`${act.id}:${a2}`] : [])];
  if (language === 'zh' && act.zh) {
    const n = Number(a1) < 100 && random.chance(0.6) ? chineseNumber(Number(a1)) : a1;
    const title = random.pick(act.zh);
    return { text: random.pick([`根据${title}第${n}条的规定，`, `依照${title}第${n}条，`, `违反${title}第${n}条规定。`]), pairs: [`${act.id}:${a1}`], form: 'zh' };
  }
  if (language === 'ru') {
    const name = random.pick(act.ruGen);
    const arts = a2 ? random.pick([`статей ${a1} и ${a2}`, `статьями ${a1}, ${a2}`]) : random.pick([`статьи ${a1}`, `статьей ${a1}`, `ст. ${a1}`, `пункта ${random.int(1, 5)} статьи ${a1}`, `подпункта ${random.int(1, 9)}) пункта ${random.int(1, 4)} статьи ${a1}`, `части ${random.int(1, 3)} статьи ${a1}`]);
    const lead = random.pick(['В соответствии с требованиями', 'На основании', 'Руководствуясь положениями', 'Согласно нормам', 'В силу']);
    const tail = random.pick([', в удовлетворении заявления отказано.', ', заявление оставлено без рассмотрения.', ' заявителю надлежит представить документы.', '.']);
    return { text: `${lead} ${arts} ${name}${tail}`, pairs, form: 'ru' };
  }
  if (language === 'kk') {
    const name = random.pick(act.kkGen);
    const arts = a2 ? `${a1} және ${a2}-баптарына` : random.pick([`${a1}-бабына`, `${a1}-бабының ${random.int(1, 5)}-тармағына`, `${a1}-бабы ${random.int(1, 4)}-тармағының ${random.int(1, 9)}) тармақшасына`]);
    const tail = random.pick([' сәйкес өтініш қанағаттандырусыз қалдырылды.', ' сәйкес шешім қабылданды.', ' негізінде бас тартылды.']);
    return { text: `${name} ${arts}${tail}`, pairs, form: 'kk' };
  }
  const name = random.pick(act.en);
  const arts = a2 ? `Articles ${a1} and ${a2}` : random.pick([`Article ${a1}`, `Art. ${a1}`, `paragraph ${random.int(1, 4)} of Article ${a1}`, `Article ${a1}(${random.int(1, 4)})`]);
  const lead = random.pick(['Pursuant to', 'Under', 'In accordance with', 'As provided by']);
  const tail = random.pick([', the application is refused.', ', the applicant must be heard.', '.']);
  return { text: `${lead} ${arts} of ${name}${tail}`, pairs, form: 'en' };
}

/** A sentence naming an act of the register with no article. */
function naming(random: Random, language: Language): Made {
  const act = random.pick(ACTS);
  if (language === 'ru') {
    const name = random.pick(act.ruPlain);
    return { text: random.pick([`${name} не предусматривает такого основания для отказа.`, `Порядок установлен: ${name}.`, `${name} применяется к заявителю.`]), pairs: [`${act.id}:null`], form: 'ru-plain' };
  }
  if (language === 'kk') {
    const name = random.pick(act.kkPlain);
    return { text: `${name} мұндай негізді көздемейді.`, pairs: [`${act.id}:null`], form: 'kk-plain' };
  }
  if (language === 'zh' && act.zh) return { text: `本通知依据${random.pick(act.zh)}作出。`, pairs: [`${act.id}:null`], form: 'zh-plain' };
  const name = random.pick(act.enPlain);
  return { text: random.pick([`${name[0]!.toUpperCase()}${name.slice(1)} provides no such ground for refusal.`, `The applicant relies on ${name}.`]), pairs: [`${act.id}:null`], form: 'en-plain' };
}

/** A sentence that looks like a citation and cites nothing in the register. */
function lookalike(random: Random, language: Language): Made {
  const n = article(random);
  if (language === 'zh') {
    const kind = random.int(0, 1);
    if (kind === 0) return { text: `根据${random.pick(FOREIGN.zh)}第${chineseNumber(random.int(1, 60))}条，`, pairs: [], form: 'zh-foreign' };
    return { text: fill(random, random.pick(PLAIN.zh)), pairs: [], form: 'zh-plain-words' };
  }
  const kind = random.int(0, 3);
  if (kind === 0) {
    if (language === 'ru') return { text: `В соответствии со статьей ${n} ${random.pick(FOREIGN.ruGen)} каждый имеет право на защиту.`, pairs: [], form: 'ru-foreign' };
    if (language === 'kk') return { text: `${random.pick(FOREIGN.kkGen)} ${n}-бабына сәйкес әркімнің қорғалуға құқығы бар.`, pairs: [], form: 'kk-foreign' };
    return { text: `Article ${n} of ${random.pick(FOREIGN.en)} guarantees the right to be heard.`, pairs: [], form: 'en-foreign' };
  }
  if (kind === 1) {
    // an article with no act: the act is one the reader knows from elsewhere
    if (language === 'ru') return { text: `Согласно статье ${n} срок обжалования составляет один месяц.`, pairs: [], form: 'ru-bare' };
    if (language === 'kk') return { text: `${n}-бапқа сәйкес шағым бір ай ішінде беріледі.`, pairs: [], form: 'kk-bare' };
    return { text: `Under Article ${n}, the time limit is one month.`, pairs: [], form: 'en-bare' };
  }
  return { text: fill(random, random.pick(PLAIN[language])), pairs: [], form: `${language}-plain-words` };
}

/**
 * A foreign act's article next to a register act named plainly: «статьи 12 Конституции Республики
 * Казахстан, а также Закон «О беженцах»…» — the article is the Constitution's, the register act is
 * named without one.
 */
function mixed(random: Random, language: Language): Made {
  const act = random.pick(ACTS);
  const n = article(random);
  if (language === 'ru') return { text: `С учетом статьи ${n} ${random.pick(FOREIGN.ruGen)}, а также положений ${random.pick(act.ruGen.filter((g) => g.includes('«') || g.includes('кодекс')).concat(act.ruGen[0]!))}, заявление удовлетворено.`, pairs: [`${act.id}:null`], form: 'ru-mixed' };
  if (language === 'en') return { text: `Having regard to Article ${n} of ${random.pick(FOREIGN.en)} and to ${random.pick(act.enPlain)}, the court finds a violation.`, pairs: [`${act.id}:null`], form: 'en-mixed' };
  return lookalike(random, language);
}

/**
 * An act named, then cited again by its act word alone: "… the 1951 Refugee Convention. … Article 33
 * of the Convention …", «… Закона «О беженцах». … статьи 12 указанного Закона». When another act of
 * that kind is named in between (the Convention against Torture, the Law «О правовых актах»), the act
 * word stands for that one, which the register does not hold.
 */
function anaphoric(random: Random, language: Language): Made[] {
  if (language === 'zh' || language === 'kk') return [citing(random, language)];
  const treaty = random.chance(0.5);
  const act = treaty ? ACTS.find((a) => a.id === 'UN-1951-CSR')! : random.pick(ACTS.filter((a) => a.id.startsWith('KZ-') && !/кодекс/.test(a.ruGen[0]!)));
  const n = article(random);
  const m = String(Number(n) + random.int(1, 20));
  const first = citing(random, language);
  const named: Made = language === 'ru'
    ? { text: `Заявитель ссылается на статью ${n} ${random.pick(act.ruGen)}.`, pairs: [`${act.id}:${n}`], form: 'ru-antecedent' }
    : { text: `The applicant relies on Article ${n} of ${random.pick(act.en)}.`, pairs: [`${act.id}:${n}`], form: 'en-antecedent' };
  const between = random.chance(0.4);
  const foreign: Made = language === 'ru'
    ? { text: treaty ? 'Комитет также учитывает Конвенцию против пыток и других жестоких видов обращения.' : 'Суд учитывает также Закон РК «О правовых актах».', pairs: [], form: 'ru-foreign-between' }
    : { text: treaty ? 'The Committee also has regard to the Convention against Torture.' : 'The court also has regard to the Law "On Legal Acts".', pairs: [], form: 'en-foreign-between' };
  const again: Made = language === 'ru'
    ? { text: treaty ? `Согласно статье ${m} указанной Конвенции, высылка недопустима.` : `Согласно статье ${m} указанного Закона, срок продлевается.`, pairs: between ? [] : [`${act.id}:${m}`], form: 'ru-anaphor' }
    : { text: treaty ? `Under Article ${m} of the Convention, expulsion is barred.` : `Under Article ${m} of that Law, the term is extended.`, pairs: between ? [] : [`${act.id}:${m}`], form: 'en-anaphor' };
  return between ? [first, named, foreign, again] : [first, named, again];
}

/** Letters OCR confuses, applied to a few characters of a sentence (never digits of an article: that would change the truth). */
const SLIPS: Array<[RegExp, string]> = [
  [/ң/g, 'н'], [/ә/g, 'э'], [/қ/g, 'к'], [/ұ/g, 'у'], [/і/g, 'i'], [/о/g, '0'], [/е/g, 'c'], [/l/g, 'I'], [/rn/g, 'm'],
];

function ocrSlips(random: Random, text: string): string {
  let out = text;
  for (const [pattern, replacement] of random.shuffle(SLIPS).slice(0, random.int(1, 3))) {
    // one occurrence, somewhere in the sentence
    const places = [...out.matchAll(pattern)].map((m) => m.index);
    if (places.length === 0) continue;
    const at = random.pick(places);
    const length = pattern.source.length === 2 ? 2 : 1;
    out = out.slice(0, at) + replacement + out.slice(at + length);
  }
  return out;
}

/** Breaks a paragraph into lines of about `width` characters, as a scan's text layer or OCR gives it. */
function lines(random: Random, text: string, width: number): string {
  const words = text.split(' ');
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    if (line.length + word.length + 1 > width && line !== '') {
      // now and then a word hyphenated at the line's end
      if (random.chance(0.15) && word.length > 7 && /^\p{L}+$/u.test(word)) {
        const cut = random.int(3, word.length - 3);
        out.push(`${line} ${word.slice(0, cut)}-`);
        line = word.slice(cut);
        continue;
      }
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out.join('\n');
}

/** The page made from `seed`, the same on every machine. */
export function citationPage(seed: number): CitationPage {
  const random = randomFrom(seed);
  const language = random.pick<Language>(['ru', 'ru', 'kk', 'en', 'en', 'zh']);
  const sentences: Made[] = [];
  const count = random.int(3, 8);
  for (let i = 0; i < count; i++) {
    const roll = random.next();
    if (roll < 0.08) {
      sentences.push(...anaphoric(random, language));
      continue;
    }
    const made = roll < 0.38 ? citing(random, language) : roll < 0.52 ? naming(random, language) : roll < 0.64 ? mixed(random, language) : lookalike(random, language);
    sentences.push(made);
  }
  const noisy = random.chance(0.3);
  const printed = sentences.map((s) => (noisy && !s.form.startsWith('zh') && random.chance(0.5) ? { ...s, text: ocrSlips(random, s.text) } : s));
  const prose = language === 'zh' ? printed.map((s) => s.text).join('') : printed.map((s) => s.text).join(' ');
  const text = language === 'zh' ? prose : lines(random, prose, random.int(45, 95));
  const truth = new Set(printed.flatMap((s) => s.pairs));
  // an act cited with an article is not also "named without one" in the truth's sense
  for (const pair of [...truth]) {
    const [law, art] = pair.split(':');
    if (art === 'null' && [...truth].some((p) => p.startsWith(`${law}:`) && !p.endsWith(':null'))) truth.delete(pair);
  }
  return { seed, language, text, truth, sentences: printed };
}
