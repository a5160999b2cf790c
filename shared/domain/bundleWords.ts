/**
 * The words a bundle prints — its cover, index and manifest, the section names Dalel proposes, the labels
 * of its redactions — in each language a bundle can be printed in (issue 14 item 3). A bundle for a court
 * in Kazakhstan is printed in Russian or Kazakh, one for an agency abroad in English: the lawyer chooses
 * per bundle, and the interface language is only the default. The terms are the interface's own (the
 * renderer's glossary test checks that they agree), so a "protected person" on the redaction review is
 * the "protected person" of the printed redaction log. Pure TypeScript: the core prints these words and the
 * renderer proposes them.
 */

export const BUNDLE_LANGUAGES = ['en', 'ru', 'kk'] as const;
export type BundleLanguage = (typeof BUNDLE_LANGUAGES)[number];

/** The sections Dalel proposes for a new bundle (by document type), and the one section of an empty bundle. */
export const SECTION_KINDS = ['decisions', 'certificates', 'correspondence', 'documents'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export interface BundleWords {
  cover: { heading: string; case: string; person: string; preparedBy: string; date: string; pages: string };
  index: { heading: string; document: string; date: string; pages: string; empty: string };
  manifest: {
    heading: string;
    bundle: string;
    generated: string;
    auditHead: string;
    pages: string;
    documents: string;
    documentColumn: string;
    shaColumn: string;
    noDocuments: string;
    redactionLog: string;
    noRedactions: string;
    boxesExplained: string;
    pageColumn: string;
    reasonColumn: string;
    labelColumn: string;
    boxColumn: string;
    reasons: { 'protected-person': string; term: string; manual: string };
  };
  sections: Record<SectionKind, string>;
  untitledDocument: string;
  untitledSection: string;
  /** the index title of a translation attached to a document: "Refusal (translation)" */
  translationTitle(title: string): string;
  /** the index title of an attached translation that is no longer in the vault */
  translation: string;
  /** under a translation's title in the manifest */
  translationOf(title: string): string;
  /** what a redaction of a protected person prints in the log, numbered without naming anyone */
  protectedPerson(n: number): string;
  /** what a redaction of a word the lawyer chose prints in the log */
  term(n: number): string;
  /** a day (YYYY-MM-DD) as this language writes it in a document: 2021-04-08, 08.04.2021 */
  day(isoDay: string): string;
}

/** Russian and Kazakh documents write a day as 08.04.2021; an English bundle keeps ISO, unambiguous abroad. */
const dottedDay = (isoDay: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : isoDay;
};

export const BUNDLE_WORDS: Readonly<Record<BundleLanguage, BundleWords>> = {
  en: {
    cover: { heading: 'Evidence bundle', case: 'Case', person: 'Person', preparedBy: 'Prepared by', date: 'Date', pages: 'Pages' },
    index: { heading: 'Index', document: 'Document', date: 'Date', pages: 'Pages', empty: 'This bundle holds no documents.' },
    manifest: {
      heading: 'Manifest',
      bundle: 'Bundle',
      generated: 'Generated',
      auditHead: 'Audit-chain head',
      pages: 'Pages',
      documents: 'Documents',
      documentColumn: 'Document / original file',
      shaColumn: 'SHA-256 of the original',
      noDocuments: 'No documents.',
      redactionLog: 'Redaction log',
      noRedactions: 'No redactions.',
      boxesExplained: 'Boxes are x, y, width, height in pixels of the page image. The redacted text is not recorded.',
      pageColumn: 'Page',
      reasonColumn: 'Reason',
      labelColumn: 'Label',
      boxColumn: 'Box (px)',
      reasons: { 'protected-person': 'protected person', term: 'redacted word', manual: 'drawn by hand' },
    },
    sections: { decisions: 'Decisions', certificates: 'Certificates', correspondence: 'Correspondence', documents: 'Documents' },
    untitledDocument: 'Untitled document',
    untitledSection: 'Untitled section',
    translationTitle: (title) => `${title} (translation)`,
    translation: 'Translation',
    translationOf: (title) => `Translation of: ${title}`,
    protectedPerson: (n) => `Protected person ${n}`,
    term: (n) => `Redacted word ${n}`,
    day: (isoDay) => isoDay,
  },
  ru: {
    cover: { heading: 'Подборка доказательств', case: 'Дело', person: 'Лицо', preparedBy: 'Подготовил(а)', date: 'Дата', pages: 'Страниц' },
    index: { heading: 'Опись', document: 'Документ', date: 'Дата', pages: 'Страницы', empty: 'В подборке нет документов.' },
    manifest: {
      heading: 'Манифест',
      bundle: 'Подборка',
      generated: 'Создана',
      auditHead: 'Вершина журнала аудита',
      pages: 'Страниц',
      documents: 'Документы',
      documentColumn: 'Документ / исходный файл',
      shaColumn: 'SHA-256 оригинала',
      noDocuments: 'Документов нет.',
      redactionLog: 'Журнал вымарываний',
      noRedactions: 'Вымарываний нет.',
      boxesExplained: 'Прямоугольники: x, y, ширина, высота в пикселях изображения страницы. Вымаранный текст не записывается.',
      pageColumn: 'Стр.',
      reasonColumn: 'Причина',
      labelColumn: 'Обозначение',
      boxColumn: 'Прямоуг. (пикс.)',
      reasons: { 'protected-person': 'лицо под защитой', term: 'вымарываемое слово', manual: 'нарисовано вручную' },
    },
    sections: { decisions: 'Решения', certificates: 'Удостоверения', correspondence: 'Переписка', documents: 'Документы' },
    untitledDocument: 'Документ без названия',
    untitledSection: 'Раздел без названия',
    translationTitle: (title) => `${title} (перевод)`,
    translation: 'Перевод',
    translationOf: (title) => `Перевод документа: ${title}`,
    protectedPerson: (n) => `Лицо под защитой ${n}`,
    term: (n) => `Вымарываемое слово ${n}`,
    day: dottedDay,
  },
  kk: {
    cover: { heading: 'Дәлелдер жинағы', case: 'Іс', person: 'Тұлға', preparedBy: 'Дайындаған', date: 'Күні', pages: 'Беттер' },
    index: { heading: 'Тізімдеме', document: 'Құжат', date: 'Күні', pages: 'Беттер', empty: 'Жинақта құжат жоқ.' },
    manifest: {
      heading: 'Манифест',
      bundle: 'Жинақ',
      generated: 'Жасалған',
      auditHead: 'Аудит тізбегінің соңы',
      pages: 'Беттер',
      documents: 'Құжаттар',
      documentColumn: 'Құжат / түпнұсқа файл',
      shaColumn: 'Түпнұсқаның SHA-256',
      noDocuments: 'Құжат жоқ.',
      redactionLog: 'Өшіру журналы',
      noRedactions: 'Өшіру жоқ.',
      boxesExplained: 'Тіктөртбұрыштар: x, y, ені, биіктігі — бет суретінің пиксельдерімен. Өшірілген мәтін жазылмайды.',
      pageColumn: 'Бет',
      reasonColumn: 'Себебі',
      labelColumn: 'Белгісі',
      boxColumn: 'Тіктөрт. (пикс.)',
      reasons: { 'protected-person': 'қорғалған тұлға', term: 'өшірілетін сөз', manual: 'қолмен сызылған' },
    },
    sections: { decisions: 'Шешімдер', certificates: 'Куәліктер', correspondence: 'Хат алмасу', documents: 'Құжаттар' },
    untitledDocument: 'Атаусыз құжат',
    untitledSection: 'Атаусыз бөлім',
    translationTitle: (title) => `${title} (аударма)`,
    translation: 'Аударма',
    translationOf: (title) => `Құжаттың аудармасы: ${title}`,
    protectedPerson: (n) => `Қорғалған тұлға ${n}`,
    term: (n) => `Өшірілетін сөз ${n}`,
    day: dottedDay,
  },
};

export function isBundleLanguage(value: unknown): value is BundleLanguage {
  return typeof value === 'string' && (BUNDLE_LANGUAGES as readonly string[]).includes(value);
}
