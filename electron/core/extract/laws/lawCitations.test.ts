import { describe, expect, it } from 'vitest';
import { chineseNumber } from './articleRefs';
import { findLawCitations } from './lawCitations';
import { fixedRegister, type CitableRegister } from './lawNames';
import { SEED_LAWS } from './seedLaws';
import type { Law } from '../types';

/** Each citation as "law:article" with /part and )sub when present, in text order. */
const SEED = fixedRegister(SEED_LAWS);

function cite(text: string, register: CitableRegister = SEED): string[] {
  return findLawCitations([{ page: 1, text }], register).map(
    (c) => `${c.law}:${c.article}${c.part ? `/${c.part}` : ''}${c.sub ? `)${c.sub}` : ''}`,
  );
}

describe('Russian citations', () => {
  it('ties an article to the act named after it by date, number and title', () => {
    const text = 'В соответствии со статьей 49 Закона Республики Казахстан от 22 июля 2011 года № 477-IV «О миграции населения» разрешение не выдается.';
    const [citation, ...rest] = findLawCitations([{ page: 3, text }], SEED);
    expect(rest).toEqual([]);
    expect(citation).toMatchObject({ page: 3, law: 'KZ-477-IV', article: '49' });
    expect(citation!.surface).toBe('статьей 49 Закона Республики Казахстан от 22 июля 2011 года № 477-IV «О миграции населения»');
    expect(text.slice(citation!.start, citation!.end)).toBe(citation!.surface);
    expect(citation!.confidence).toBeGreaterThan(0.8);
  });

  it('reads a sub-paragraph, a paragraph and a part before the article', () => {
    expect(cite('в соответствии с подпунктом 1) статьи 49 Закона РК «О миграции населения»')).toEqual(['KZ-477-IV:49)1']);
    expect(cite('на основании пункта 2 статьи 9 Закона «О беженцах»')).toEqual(['KZ-216-IV:9/2']);
    expect(cite('по части 1 статьи 392 Уголовного кодекса Республики Казахстан')).toEqual(['KZ-226-V:392/1']);
    expect(cite('согласно пп. 1) п. 2 ст. 49 Закона РК «О миграции населения»')).toEqual(['KZ-477-IV:49/2)1']);
    expect(cite('предусмотренного ч.1 ст.392 УК РК')).toEqual(['KZ-226-V:392/1']);
  });

  it('knows the act by its title alone, quoted or in running text', () => {
    expect(cite('со ссылкой на ст. 49 Закона РК «О миграции населения»')).toEqual(['KZ-477-IV:49']);
    expect(cite('ст. 49 Закона о миграции населения')).toEqual(['KZ-477-IV:49']);
    expect(cite('статью 29 Закона РК «О документах, удостоверяющих личность»')).toEqual(['KZ-73-V:29']);
  });

  it('knows codes by abbreviation and by name in any case', () => {
    expect(cite('Руководствуясь статьей 91 АППК РК, суд')).toEqual(['KZ-350-VI:91']);
    expect(cite('осужден по ст. 392 УК РК')).toEqual(['KZ-226-V:392']);
    expect(cite('статьей 91 Административного процедурно-процессуального кодекса Республики Казахстан')).toEqual(['KZ-350-VI:91']);
    expect(cite('статьями 397, 400 Уголовно-процессуального кодекса')).toEqual(['KZ-231-V:397', 'KZ-231-V:400']);
    expect(cite('по ст. 517 КоАП РК')).toEqual(['KZ-235-V:517']);
    expect(cite('статьи 496 Кодекса Республики Казахстан об административных правонарушениях')).toEqual(['KZ-235-V:496']);
  });

  it('finds the 1951 Convention with or without its year', () => {
    expect(cite('предусмотренное статьей 28 Конвенции о статусе беженцев 1951 года')).toEqual(['UN-1951-CSR:28']);
    expect(cite('о применении ст. 31 Конвенции о статусе беженцев суд учитывает')).toEqual(['UN-1951-CSR:31']);
  });

  it('reads every case form of статья, пункт, подпункт and часть', () => {
    for (const article of ['статья', 'статьи', 'статье', 'статью', 'статьей', 'статьёй', 'статьям', 'статьями', 'статьях', 'ст.', 'ст']) {
      expect(cite(`${article} 12 Закона РК «О беженцах»`), article).toEqual(['KZ-216-IV:12']);
    }
    for (const part of ['пункт', 'пункта', 'пункту', 'пунктом', 'пункте', 'п.', 'часть', 'части', 'частью', 'ч.']) {
      expect(cite(`${part} 3 статьи 12 Закона РК «О беженцах»`), part).toEqual(['KZ-216-IV:12/3']);
    }
    for (const sub of ['подпункт', 'подпункта', 'подпункту', 'подпунктом', 'подпункте', 'пп.', 'подп.']) {
      expect(cite(`${sub} 1) статьи 49 Закона РК «О миграции населения»`), sub).toEqual(['KZ-477-IV:49)1']);
    }
  });

  it('cites each of several articles, and a range by its first article', () => {
    expect(cite('руководствуясь статьями 9 и 12 Закона РК «О беженцах»')).toEqual(['KZ-216-IV:9', 'KZ-216-IV:12']);
    expect(cite('статьями 10, 12 Закона Республики Казахстан от 4 декабря 2009 года № 216-IV «О беженцах»')).toEqual(['KZ-216-IV:10', 'KZ-216-IV:12']);
    expect(cite('Руководствуясь статьями 159–161 АППК РК, суд')).toEqual(['KZ-350-VI:159']);
    expect(cite('статьи 9 и статьи 12 Закона «О беженцах»')).toEqual(['KZ-216-IV:9', 'KZ-216-IV:12']);
  });

  it('keeps an article numbered with a hyphen whole', () => {
    expect(cite('статьей 49-1 Закона РК «О миграции населения»')).toEqual(['KZ-477-IV:49-1']);
  });

  it('gives an article stated once for several laws to each of them', () => {
    expect(cite('на основании статьи 9 законов Республики Казахстан «О беженцах» и «О национальных реестрах идентификационных номеров»')).toEqual([
      'KZ-216-IV:9',
      'KZ-223-III:9',
    ]);
  });

  it('ties each article in a list of citations to its own act', () => {
    const text = 'со ссылкой на статью 9 Закона РК «О беженцах», статью 29 Закона РК «О документах, удостоверяющих личность» и статью 9 Закона РК «О национальных реестрах идентификационных номеров»';
    expect(cite(text)).toEqual(['KZ-216-IV:9', 'KZ-73-V:29', 'KZ-223-III:9']);
  });

  it('reads a part written after the article, and an article written after its act', () => {
    expect(cite('по ст. 392 ч. 1 УК РК')).toEqual(['KZ-226-V:392/1']);
    expect(cite('Закон РК «О беженцах» (ст. 12)')).toEqual(['KZ-216-IV:12']);
    expect(cite('статьи 9, пункта 3 статьи 12 Закона РК «О беженцах»')).toEqual(['KZ-216-IV:9', 'KZ-216-IV:12/3']);
    expect(cite('в соответствии со ст.ст. 159-161 АППК РК')).toEqual(['KZ-350-VI:159']);
  });

  it('follows «(далее – Закон)» and «указанного Закона» back to the act', () => {
    const defined = 'Закона Республики Казахстан от 4 декабря 2009 года № 216-IV «О беженцах» (далее – Закон). Согласно статье 12 Закона срок продлевается.';
    expect(cite(defined)).toEqual(['KZ-216-IV:null', 'KZ-216-IV:12']);
    expect(cite('Закон РК «О беженцах» применяется. В силу статьи 12 указанного Закона срок продлевается.')).toEqual(['KZ-216-IV:null', 'KZ-216-IV:12']);
    // «Закона» alone names no act
    expect(cite('В силу статьи 12 Закона срок продлевается.')).toEqual([]);
  });

  it('does not carry an article across the end of a sentence', () => {
    expect(cite('Отказ вынесен по статье 49. Закон РК «О беженцах» здесь не применим.')).toEqual(['KZ-216-IV:null']);
  });

  it('cites an act named without an article with article null', () => {
    expect(cite('Законом РК от 22.07.2011 г. № 477-IV')).toEqual(['KZ-477-IV:null']);
    expect(cite('в порядке, предусмотренном Административным процедурно-процессуальным кодексом Республики Казахстан.')).toEqual(['KZ-350-VI:null']);
    expect(cite('Закон Республики Казахстан от 4 декабря 2009 года № 216-IV «О беженцах» гарантирует')).toEqual(['KZ-216-IV:null']);
    // the act named alone once more after the article: still one act, cited with its article
    expect(cite('статьи 12 Закона РК «О беженцах» и Конвенции о статусе беженцев')).toEqual(['KZ-216-IV:12', 'UN-1951-CSR:null']);
  });

  it('does not take the words of a title in ordinary prose for the act', () => {
    expect(cite('Комиссия по рассмотрению ходатайств о присвоении статуса беженца')).toEqual([]);
    expect(cite('для решения вопроса о гражданстве Республики Казахстан')).toEqual([]);
    expect(cite('Комитет миграционной службы, статья в газете, 12 статей')).toEqual([]);
    expect(cite('Законом Республики Казахстан, предусматривающим изменения и дополнения в указанные законодательные акты')).toEqual([]);
  });

  it('tolerates line breaks, OCR letter errors and look-alike letters in numbers', () => {
    expect(cite('согласно статье 16 Закона Республики\nКазахстан «О гражданстве Республики\nКазахстан» от 20 декабря 1991 года № 1017-XII')).toEqual(['KZ-1017-XII:16']);
    expect(cite('В соответствий с поднунктом 1) статьи 49 Закона Республики Қазахстан от 22\nиюля ИІ года № 4771V «О миграции населения»')).toEqual(['KZ-477-IV:49)1']);
    expect(cite('статье 16 Закона Республики Қазахстан «Сі гражданстве\nРеспублики Казахстан» от 20 декабря 1991 гола № 1Ю17-ХИ прием')).toEqual(['KZ-1017-XII:16']);
    expect(cite('статьей 91 Алминнстративного процелурно-процессуального\nкодекса Республики Казахстан')).toEqual(['KZ-350-VI:91']);
    expect(cite('по ч.1 ст.392 YK PK к 6 месяцам')).toEqual(['KZ-226-V:392/1']);
    expect(cite('ст. 49 Закона РК от 22.07.2011 г. №\n` А7Т7АУ «О миграции населения»')).toEqual(['KZ-477-IV:49']);
    expect(cite('cтатьи 12 Закoна РК «О беженцах»')).toEqual(['KZ-216-IV:12']);
    expect(cite('статьи 49 Закона РК «О мигра-\nции населения»')).toEqual(['KZ-477-IV:49']);
    expect(cite('прошу применить статью 33 Конвенции ООН о статусе беженцев')).toEqual(['UN-1951-CSR:33']);
    expect(cite('«Босқтндар туралы» ҚР Заңының 12-лабына сәйкес')).toEqual(['KZ-216-IV:12']);
  });

  it('reads a law number whatever OCR made of its Roman numeral', () => {
    for (const number of ['477-IV', '477-ІV', '477-1V', '477-lV', '477-ІУ', '4771V', '477 - IV']) {
      expect(cite(`статьи 49 Закона № ${number}`), number).toEqual(['KZ-477-IV:49']);
    }
    expect(cite('статьи 9 Закона № 223-Ш')).toEqual(['KZ-223-III:9']);
    expect(cite('статьи 29 Закона № 73-У')).toEqual(['KZ-73-V:29']);
    expect(cite('пункту 1 статьи 7 ЗРК от 7 января 2003 года N370-II «Об электронном документе и электронной цифровой подписи»')).toEqual(['KZ-370-II:7/1']);
  });
});

describe('Kazakh citations', () => {
  it('ties an article to the act named before it', () => {
    expect(cite('№ 477-IV Заңының 49-бабы')).toEqual(['KZ-477-IV:49']);
    expect(cite('«Халықтың көші-қоны туралы» ҚР Заңының 49-бабының 1) тармақшасы')).toEqual(['KZ-477-IV:49)1']);
    expect(cite('ҚР ҚК-нің 392-бабы')).toEqual(['KZ-226-V:392']);
    expect(cite('«Босқындар туралы» Заңның 9-бабы')).toEqual(['KZ-216-IV:9']);
  });

  it('reads the full form with date and number between title and article', () => {
    const text = '«Халықтың көші-қоны туралы» 2011 жылғы 22 шілдедегі № 477-IV Қазақстан Республикасы Заңының 49-бабының 1) тармақшасына сәйкес';
    expect(cite(text)).toEqual(['KZ-477-IV:49)1']);
  });

  it('reads every case form of бап, and тармақ, тармақша, бөлік after it', () => {
    for (const form of ['бабы', 'бабының', 'бабына', 'бабымен', 'бабын', 'бабында', 'бабынан', 'бап']) {
      expect(cite(`«Босқындар туралы» ҚР Заңының 12-${form}`), form).toEqual(['KZ-216-IV:12']);
    }
    expect(cite('«Босқындар туралы» ҚР Заңының 9-бабының 2-тармағына')).toEqual(['KZ-216-IV:9/2']);
    expect(cite('ҚР Қылмыстық кодексінің 392-бабының 1-бөлігі')).toEqual(['KZ-226-V:392/1']);
    expect(cite('«Босқындар туралы» Заңның 12-бабы 1-тармағына')).toEqual(['KZ-216-IV:12/1']);
    expect(cite('«Халықтың көші-қоны туралы» ҚР Заңының 49-бабының 1-тармағының 1) тармақшасы')).toEqual(['KZ-477-IV:49/1)1']);
  });

  it('knows codes and the Convention by their Kazakh names', () => {
    expect(cite('Қазақстан Республикасы Әкімшілік рәсімдік-процестік кодексінің 91-бабына сәйкес')).toEqual(['KZ-350-VI:91']);
    expect(cite('ҚР ӘРПК-нің 148-бабын басшылыққа ала отырып')).toEqual(['KZ-350-VI:148']);
    expect(cite('Босқындардың мәртебесі туралы 1951 жылғы Конвенцияның 28-бабына сәйкес')).toEqual(['UN-1951-CSR:28']);
  });

  it('takes «Конвенцияның» for the Convention named before, but not another convention', () => {
    const text = 'Босқындардың мәртебесі туралы 1951 жылғы Конвенцияның 28-бабына сәйкес. Осы Конвенцияның 31-бабы. Азаптауларға қарсы Конвенцияның 3-бабы';
    expect(cite(text)).toEqual(['UN-1951-CSR:28', 'UN-1951-CSR:31']);
  });

  it('cites several articles of one act', () => {
    expect(cite('«Босқындар туралы» ҚР Заңының 10 және 12-баптарына')).toEqual(['KZ-216-IV:10', 'KZ-216-IV:12']);
    expect(cite('«Босқындар туралы» ҚР Заңының 9-бабына, «Жеке басты куәландыратын құжаттар туралы» ҚР Заңының 29-бабына')).toEqual([
      'KZ-216-IV:9',
      'KZ-73-V:29',
    ]);
  });

  it('cites an act with no article with article null', () => {
    expect(cite('Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексінде белгіленген тәртіппен')).toEqual(['KZ-350-VI:null']);
  });

  it('tolerates the marks OCR drops and a title cut by a two-column read', () => {
    expect(cite('«Босқындар туралы» КР Заңының 12-бабына сәйкес')).toEqual(['KZ-216-IV:12']);
    expect(cite('басты куәландыратын құжаттар туралы» 2013 жылғы\nҚазақстан Республикасы Заңының 29-бабына сәйкес')).toEqual(['KZ-73-V:29']);
    // a number left alone on an interleaved line is no citation
    expect(cite('дағы № 216-ГУ Қазақстан\nтанылған адам')).toEqual([]);
  });
});

describe('English citations', () => {
  it('reads the forms of translations and appeals', () => {
    expect(cite('Article 49 of Law No. 477-IV')).toEqual(['KZ-477-IV:49']);
    expect(cite('relying on Article 49 of the Law of the Republic of Kazakhstan "On Migration of Population"')).toEqual(['KZ-477-IV:49']);
    expect(cite("Article 9 of the Law 'On Refugees' of 4 December 2009")).toEqual(['KZ-216-IV:9']);
    expect(cite('under sub-paragraph 1) of Article 49 of the Law "On Migration of Population"')).toEqual(['KZ-477-IV:49)1']);
    expect(cite('subparagraph 1) of paragraph 2 of Article 49 of Law No. 477-IV')).toEqual(['KZ-477-IV:49/2)1']);
    expect(cite('Article 392 of the Criminal Code')).toEqual(['KZ-226-V:392']);
    expect(cite('Part 1 of Article 392 of the Criminal Code of the Republic of Kazakhstan')).toEqual(['KZ-226-V:392/1']);
    expect(cite('Article 392(1) of the Criminal Code')).toEqual(['KZ-226-V:392/1']);
    expect(cite('Article 28 of the 1951 Convention')).toEqual(['UN-1951-CSR:28']);
    expect(cite('Article 33 of the 1951 Refugee Convention (non-refoulement)')).toEqual(['UN-1951-CSR:33']);
    expect(cite('Art. 29 of the Law "On Documents Certifying Identity" dated 29.01.2013 No. 73-V')).toEqual(['KZ-73-V:29']);
    expect(cite('Article 49, paragraph 1, subparagraph 1) of Law No. 477-IV')).toEqual(['KZ-477-IV:49/1)1']);
    expect(cite('Article 400 of the CPC')).toEqual(['KZ-231-V:400']);
    expect(cite('pursuant to Article 12 of the Law on Refugees')).toEqual(['KZ-216-IV:12']);
  });

  it('cites each of several articles', () => {
    expect(cite('under Articles 4 and 9 of the Administrative Procedural and Process Code of the Republic of Kazakhstan (APPC)')).toEqual([
      'KZ-350-VI:4',
      'KZ-350-VI:9',
    ]);
  });

  it('takes "the Convention" for the convention the document named before', () => {
    const text = 'Under Article 34 of the 1951 Convention relating to the Status of Refugees the State shall facilitate naturalization. Article 28 of the Convention requires travel documents.';
    expect(cite(text)).toEqual(['UN-1951-CSR:34', 'UN-1951-CSR:28']);
    // with no convention named before, "the Convention" is none of the register's acts
    expect(cite('Article 28 of the Convention requires travel documents.')).toEqual([]);
    // nor is a convention that goes on to say its own name
    expect(cite('Under Article 34 of the 1951 Convention. Article 3 of the Convention against Torture prohibits refoulement.')).toEqual(['UN-1951-CSR:34']);
  });

  it('reads OCR noise in English titles', () => {
    expect(cite('Article 9 of the Law of the Republic of Kazakhstan No. 216-IV "Оп Refugees’ of 4 December 2009')).toEqual(['KZ-216-IV:9']);
    expect(cite('governed by Article\n29 of the Law "Оп Documents Certifying Identity’ dated 29.01.2013 No. 13-У, and')).toEqual(['KZ-73-V:29']);
  });

  it('does not read "refugees" in prose as the Law on Refugees, nor the Party for the Code', () => {
    expect(cite('travel documents to be issued to refugees lawfully staying in the territory')).toEqual([]);
    expect(cite('the principles of international refugee law')).toEqual([]);
    expect(cite('Article 5 of the contract')).toEqual([]);
    expect(cite('relatives were summoned by CPC members')).toEqual([]);
  });
});

describe('Chinese citations', () => {
  it('reads Chinese article numerals and Arabic ones', () => {
    expect(cite('根据《中华人民共和国出境入境管理法》第十二条的规定')).toEqual(['CN-EEAL-2012:12']);
    expect(cite('依照《出境入境管理法》第12条')).toEqual(['CN-EEAL-2012:12']);
    expect(cite('《中华人民共和国出境入境管理法》第十二条、第十三条')).toEqual(['CN-EEAL-2012:12', 'CN-EEAL-2012:13']);
  });

  it('reads OCR spaces between characters and an act cited without an article', () => {
    expect(cite('根据《中华人民共和国户口登记 条例》等有关规定，现通知你')).toEqual(['CN-HRR-1958:null']);
    expect(cite('根据 《 中 华 人 民 共 和 国 出 境 入 境 管 理 法 》 第 二 十 一 条')).toEqual(['CN-EEAL-2012:21']);
  });

  it('converts Chinese numerals', () => {
    expect(['一', '十', '十二', '二十', '二十一', '一百零五', '一百一十'].map(chineseNumber)).toEqual(['1', '10', '12', '20', '21', '105', '110']);
  });
});

describe('the register is a parameter', () => {
  const added: Law = {
    id: 'KZ-94-V',
    number: '94-V',
    kind: 'law',
    date: '2015-05-19',
    title: { en: 'On Legal Status of Foreigners', ru: 'О правовом положении иностранцев', kk: 'Шетелдіктердің құқықтық жағдайы туралы' },
    aliases: ['Закон об иностранцах'],
  };
  const register = fixedRegister([...SEED_LAWS, added]);

  it('finds a law the lawyer added by its number, titles and aliases', () => {
    expect(cite('статьи 5 Закона РК «О правовом положении иностранцев»', register)).toEqual(['KZ-94-V:5']);
    expect(cite('Article 5 of Law No. 94-V', register)).toEqual(['KZ-94-V:5']);
    expect(cite('«Шетелдіктердің құқықтық жағдайы туралы» ҚР Заңының 5-бабы', register)).toEqual(['KZ-94-V:5']);
    expect(cite('статьи 5 Закона об иностранцах', register)).toEqual(['KZ-94-V:5']);
  });

  it('finds nothing of a law not in the register', () => {
    expect(cite('статьи 5 Закона РК «О правовом положении иностранцев»')).toEqual([]);
    expect(cite('ст. 392 УК РК', fixedRegister([]))).toEqual([]);
  });
});

describe('pages', () => {
  it('reports the page of each citation, and resolves "the Convention" across pages', () => {
    const pages = [
      { page: 1, text: 'статьи 31 Конвенции о статусе беженцев 1951 года' },
      { page: 2, text: 'Доводы защиты о применении ст. 31 Конвенции суд учитывает' },
    ];
    expect(findLawCitations(pages, SEED).map((c) => [c.page, c.law, c.article])).toEqual([
      [1, 'UN-1951-CSR', '31'],
      [2, 'UN-1951-CSR', '31'],
    ]);
  });

  it('finds nothing in an empty page', () => {
    expect(findLawCitations([{ page: 1, text: '' }], SEED)).toEqual([]);
  });
});

describe('what looks like a citation of the register and is not', () => {
  it("gives an article to the act it belongs to, not to a register act joined to it by 'and'", () => {
    expect(cite('Having regard to Article 12 of the Constitution of the Republic of Kazakhstan and to the Law "On Refugees", the court finds')).toEqual(['KZ-216-IV:null']);
    expect(cite('С учетом статьи 12 Конституции Республики Казахстан, а также положений Закона «О беженцах», заявление удовлетворено')).toEqual(['KZ-216-IV:null']);
    expect(cite('Қазақстан Республикасы Конституциясының 12-бабына және «Босқындар туралы» Заңына сәйкес')).toEqual(['KZ-216-IV:null']);
    // control: the same article with nothing between it and the act is the act's
    expect(cite('Having regard to Article 12 of the Law "On Refugees"')).toEqual(['KZ-216-IV:12']);
  });

  it('gives an article to an act named in quotes that the register does not hold', () => {
    expect(cite('Article 30 of the Law "On Legal Acts" No. 480-V and the Law "On Refugees"')).toEqual(['KZ-216-IV:null']);
    expect(cite('статьи 30 Закона «О правовых актах» Закона РК «О беженцах»')).toEqual(['KZ-216-IV:null']);
  });

  it('does not read the title of another kind of act as a register title read roughly', () => {
    // «пакта о гражданских…» is a covenant, not «Закон о гражданстве»
    expect(cite('статьей 2 Международного пакта о гражданских и политических правах')).toEqual([]);
    expect(cite('Халықаралық пактінің 2-бабы азаматтық және саяси құқықтар туралы')).toEqual([]);
    // control: the law itself, named with its act word
    expect(cite('статьей 2 Закона «О гражданстве Республики Казахстан»')).toEqual(['KZ-1017-XII:2']);
  });

  it('lets "the Convention", «указанного Закона» stand for the act named last of that kind, register or not', () => {
    const refugees = 'The applicant relies on Article 33 of the 1951 Refugee Convention.';
    expect(cite(`${refugees} Under Article 3 of the Convention, expulsion is barred.`)).toEqual(['UN-1951-CSR:33', 'UN-1951-CSR:3']);
    expect(cite(`${refugees} The Committee has regard to the Convention against Torture. Under Article 3 of the Convention, expulsion is barred.`)).toEqual(['UN-1951-CSR:33']);
    const law = 'Заявитель ссылается на статью 12 Закона РК «О беженцах».';
    expect(cite(`${law} Согласно статье 15 указанного Закона срок продлевается.`)).toEqual(['KZ-216-IV:12', 'KZ-216-IV:15']);
    expect(cite(`${law} Суд учитывает Закон РК «О правовых актах». Согласно статье 15 указанного Закона срок продлевается.`)).toEqual(['KZ-216-IV:12']);
    expect(cite('Заявитель ссылается на статью 5 Конвенции о статусе беженцев 1951 года. Согласно статье 33 указанной Конвенции высылка недопустима.')).toEqual(['UN-1951-CSR:5', 'UN-1951-CSR:33']);
  });

  it('reads an article word hyphenated at a line end', () => {
    expect(cite('As provided by Art-\nicles 31 and 38 of the Criminal Code')).toEqual(['KZ-226-V:31', 'KZ-226-V:38']);
    expect(cite('на основании ста-\nтьи 9 Закона «О беженцах»')).toEqual(['KZ-216-IV:9']);
    expect(cite('статьи 9 Закона Респуб-\nлики Казахстан «О беженцах»')).toEqual(['KZ-216-IV:9']);
  });
});
