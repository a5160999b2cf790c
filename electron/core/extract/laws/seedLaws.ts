/**
 * The laws that recur in the casework of Kazakhs who fled Xinjiang: residence and citizenship refusals
 * (migration, citizenship), refugee status and its yearly extension (refugees, the 1951 Convention),
 * travel documents (identity documents, identification numbers), illegal border crossing (Criminal
 * Code art. 392 and its procedure), appeals (the administrative procedure code), and the Chinese acts
 * quoted in police notices to relatives. The lawyer edits and extends this register; the citation
 * finder reads whatever it holds.
 *
 * Titles are the official ones. Aliases are the other ways letters, courts and translators name an act:
 * abbreviations (УК РК, ҚР ҚК), short titles, and English translations that differ from ours.
 */
import type { Law } from '../types';

export const SEED_LAWS: Law[] = [
  {
    id: 'KZ-477-IV',
    number: '477-IV',
    kind: 'law',
    date: '2011-07-22',
    title: {
      en: 'On Migration of Population',
      ru: 'О миграции населения',
      kk: 'Халықтың көші-қоны туралы',
    },
    aliases: ['On Population Migration', 'Law on Migration of Population', 'Закон о миграции населения', 'Көші-қон туралы заң'],
  },
  {
    id: 'KZ-216-IV',
    number: '216-IV',
    kind: 'law',
    date: '2009-12-04',
    title: { en: 'On Refugees', ru: 'О беженцах', kk: 'Босқындар туралы' },
    aliases: ['Law on Refugees', 'Закон о беженцах', 'Босқындар туралы заң'],
  },
  {
    id: 'KZ-73-V',
    number: '73-V',
    kind: 'law',
    date: '2013-01-29',
    title: {
      en: 'On Documents Certifying Identity',
      ru: 'О документах, удостоверяющих личность',
      kk: 'Жеке басты куәландыратын құжаттар туралы',
    },
    aliases: ['On Identity Documents', 'On Documents Proving Identity', 'On Identification Documents'],
  },
  {
    id: 'KZ-223-III',
    number: '223-III',
    kind: 'law',
    date: '2007-01-12',
    title: {
      en: 'On National Registers of Identification Numbers',
      ru: 'О национальных реестрах идентификационных номеров',
      kk: 'Сәйкестендіру нөмірлерінің ұлттық тізілімдері туралы',
    },
    aliases: ['On National Identification Number Registers', 'On National Registries of Identification Numbers'],
  },
  {
    id: 'KZ-1017-XII',
    number: '1017-XII',
    kind: 'law',
    date: '1991-12-20',
    title: {
      en: 'On Citizenship of the Republic of Kazakhstan',
      ru: 'О гражданстве Республики Казахстан',
      kk: 'Қазақстан Республикасының азаматтығы туралы',
    },
    aliases: ['On Citizenship', 'Law on Citizenship', 'Закон о гражданстве', 'Азаматтық туралы заң'],
  },
  {
    id: 'KZ-226-V',
    number: '226-V',
    kind: 'code',
    date: '2014-07-03',
    title: {
      en: 'Criminal Code of the Republic of Kazakhstan',
      ru: 'Уголовный кодекс Республики Казахстан',
      kk: 'Қазақстан Республикасының Қылмыстық кодексі',
    },
    aliases: ['УК РК', 'ҚР ҚК', 'Criminal Code', 'Penal Code', 'CC RK'],
  },
  {
    id: 'KZ-231-V',
    number: '231-V',
    kind: 'code',
    date: '2014-07-04',
    title: {
      en: 'Criminal Procedure Code of the Republic of Kazakhstan',
      ru: 'Уголовно-процессуальный кодекс Республики Казахстан',
      kk: 'Қазақстан Республикасының Қылмыстық-процестік кодексі',
    },
    aliases: ['УПК РК', 'ҚР ҚПК', 'CPC', 'CPC RK', 'Code of Criminal Procedure', 'Criminal Procedural Code'],
  },
  {
    id: 'KZ-350-VI',
    number: '350-VI',
    kind: 'code',
    date: '2020-06-29',
    title: {
      en: 'Administrative Procedural and Process Code of the Republic of Kazakhstan',
      ru: 'Административный процедурно-процессуальный кодекс Республики Казахстан',
      kk: 'Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексі',
    },
    aliases: ['АППК РК', 'ҚР ӘРПК', 'APPC', 'Administrative Procedure and Process Code', 'Code of Administrative Procedure'],
  },
  {
    id: 'KZ-235-V',
    number: '235-V',
    kind: 'code',
    date: '2014-07-05',
    title: {
      en: 'Code of Administrative Offences of the Republic of Kazakhstan',
      ru: 'Кодекс Республики Казахстан об административных правонарушениях',
      kk: 'Әкімшілік құқық бұзушылық туралы Қазақстан Республикасының Кодексі',
    },
    aliases: ['КоАП РК', 'ҚР ӘҚБтК', 'Code of Administrative Offences', 'Code of Administrative Offenses', 'Кодекс об административных правонарушениях'],
  },
  {
    id: 'KZ-370-II',
    number: '370-II',
    kind: 'law',
    date: '2003-01-07',
    title: {
      en: 'On Electronic Document and Electronic Digital Signature',
      ru: 'Об электронном документе и электронной цифровой подписи',
      kk: 'Электрондық құжат және электрондық цифрлық қолтаңба туралы',
    },
    aliases: ['On Electronic Documents and Electronic Digital Signatures'],
  },
  {
    id: 'UN-1951-CSR',
    number: null,
    kind: 'treaty',
    date: '1951-07-28',
    title: {
      en: '1951 Convention relating to the Status of Refugees',
      ru: 'Конвенция о статусе беженцев 1951 года',
      kk: 'Босқындардың мәртебесі туралы 1951 жылғы Конвенция',
      zh: '关于难民地位的公约',
    },
    aliases: ['Refugee Convention', '1951 Refugee Convention', '1951 Convention', 'Geneva Refugee Convention', 'Конвенция 1951 года', '1951 жылғы Конвенция'],
  },
  {
    id: 'CN-EEAL-2012',
    number: null,
    kind: 'law',
    date: '2012-06-30',
    title: {
      en: "Exit and Entry Administration Law of the People's Republic of China",
      ru: 'Закон Китайской Народной Республики об управлении въездом и выездом',
      kk: 'Қытай Халық Республикасының шекарадан шығу мен кіруді басқару туралы заңы',
      zh: '中华人民共和国出境入境管理法',
    },
    aliases: ['Exit and Entry Administration Law of the PRC', 'Exit and Entry Administration Law', '出境入境管理法', '出入境管理法'],
  },
  {
    id: 'CN-HRR-1958',
    number: null,
    kind: 'regulation',
    date: '1958-01-09',
    title: {
      en: "Regulations of the People's Republic of China on Household Registration",
      ru: 'Положение Китайской Народной Республики о регистрации домохозяйств',
      kk: 'Қытай Халық Республикасының үй шаруашылығын тіркеу туралы ережесі',
      zh: '中华人民共和国户口登记条例',
    },
    aliases: ['Regulations on Household Registration of the PRC', 'Hukou Registration Regulations', 'Household Registration Regulations', '户口登记条例'],
  },
];
