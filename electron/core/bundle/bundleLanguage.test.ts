/**
 * A bundle prints in its own language (issue 14 item 3): exported in Russian and in Kazakh, the PDF read
 * back with pdftotext has the cover, index, manifest, section names and redaction labels in that language
 * and none of the English ones — with the English export as the control that shows the check can fail.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleManifest } from '../../../shared/domain/bundle';
import { BUNDLE_WORDS, type BundleLanguage } from '../../../shared/domain/bundleWords';
import { createFileParser, nodeParserProcesses } from '../import/parse';
import { SearchService } from '../search/searchService';
import { RegisterStore } from '../tagging/registerStore';
import { TagStore } from '../tagging/tagStore';
import { tempDir } from '../testing/fixtures';
import { defaultFontsDir } from './bundleHandlers';
import { proposeSections } from './bundleProposal';
import { BundleService } from './bundleService';
import { BundleStore } from './bundleStore';
import { pdftotext } from './pdf/testing/pdfTools';
import { testIndex } from '../testing/testIndex';
import { addTextDocument, blankScan } from '../testing/textDocuments';
import { testDatabase } from '../testing/testDatabase';

const TODAY = new Date('2026-11-28T09:00:00Z');
const TERM = 'Текес';

/** Every English word the bundle itself prints (the lawyer's titles and names aside). */
const ENGLISH = [
  'Evidence bundle',
  'Prepared by',
  'Index',
  'Document',
  'Pages',
  'Manifest',
  'Generated',
  'Audit-chain head',
  'SHA-256 of the original',
  'Redaction log',
  'Boxes are',
  'Reason',
  'Label',
  'Protected person',
  'protected person',
  'Redacted word 1',
  'redacted word',
  'Decisions',
  'Certificates',
  '(translation)',
];

let db: Database.Database;
const dir = tempDir('dalel-bundle-language-');
const vaultDir = tempDir('dalel-bundle-language-vault-');
const parser = createFileParser({ processes: nodeParserProcesses() });
let docs: { refusal: string; certificate: string; translation: string };

async function addScan(title: string, text: string, type: 'refusal' | 'certificate' | null, date: string | null): Promise<string> {
  const image = await blankScan(1240, 1754);
  let x = 20;
  const words = text.split(' ').map((word) => {
    const box: [number, number, number, number] = [x, 60, x + 12 * word.length, 84];
    x += 12 * word.length + 12;
    return { text: word, bbox: box, conf: 95 };
  });
  const id = addTextDocument(db, {
    title,
    pages: [text],
    words: () => words,
    languages: ['rus'],
    now: TODAY,
    confidence: 95,
    page: { width: 1240, height: 1754, dpi: 150 },
    images: { image, thumb: image, mime: 'image/png' },
    original: { fileName: `${title}.png`, kind: 'png', mime: 'image/png', data: Buffer.from(title) },
  });
  const tags = new TagStore(db, () => TODAY);
  if (type) tags.addTag(id, 'type', type);
  if (date) tags.addTag(id, 'document-date', date);
  return id;
}

async function exportIn(language: BundleLanguage): Promise<{ text: string; manifest: BundleManifest }> {
  const sections = proposeSections(db, { docIds: [docs.refusal, docs.certificate] }, () => new SearchService(db, testIndex(db)), language);
  const store = new BundleStore(db, () => TODAY);
  const saved = store.save({
    title: 'Appeal of Aigerim Dauletkyzy',
    caseId: null,
    personId: 'P-AIGERIM',
    preparedBy: 'M. Seitkaliyeva',
    stampPrefix: '',
    sections,
    redaction: { protectedPersons: true, terms: [TERM], boxes: [], waived: [] },
    language,
  });
  const service = new BundleService(db, { fontsDir: defaultFontsDir(), vaultDir: vaultDir.path, clock: () => TODAY, checks: { parser } });
  const result = await service.export(saved.id, { path: join(dir.path, `bundle-${language}.pdf`) });
  return { text: pdftotext(result.path), manifest: JSON.parse(readFileSync(result.manifestPath, 'utf8')) as BundleManifest };
}

beforeAll(async () => {
  db = testDatabase();
  const register = RegisterStore.open(db, () => TODAY);
  register.createPerson({ id: 'P-AIGERIM', name: 'Aigerim Dauletkyzy', role: 'client' });
  register.createPerson({ id: 'P-KULASH', name: 'Kulash Mukhametkyzy', role: 'relative', protected: true });
  docs = {
    refusal: await addScan('Отказ МВД', `Гражданке Даулеткызы отказано Мать Kulash Mukhametkyzy проживает в ${TERM} город`, 'refusal', '2021-04-02'),
    certificate: await addScan('Удостоверение беженца', 'Удостоверение беженца № 000418', 'certificate', null),
    translation: await addScan('Refusal EN', 'Refusal of permanent residence', null, null),
  };
  new BundleStore(db, () => TODAY).setTranslation(docs.refusal, docs.translation, true);
}, 60_000);

afterAll(async () => {
  await parser.close();
  dir.remove();
  vaultDir.remove();
});

describe('a bundle exported in its language', { timeout: 120_000 }, () => {
  it('prints everything of its own in Russian, and no English', async () => {
    const { text, manifest } = await exportIn('ru');
    const words = BUNDLE_WORDS.ru;
    for (const expected of [
      words.cover.heading,
      words.cover.preparedBy,
      words.index.heading,
      words.index.document,
      words.manifest.heading,
      words.manifest.redactionLog,
      'Лицо под защитой 1',
      'Вымарываемое слово 1',
      'лицо под защитой',
      'Решения',
      'Удостоверения',
      'Refusal EN (перевод)',
      '02.04.2021',
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const english of ENGLISH) expect(text, english).not.toContain(english);
    expect(manifest.redactions.map((entry) => entry.label).sort()).toEqual(['Вымарываемое слово 1', 'Лицо под защитой 1']);
    // the protected name and the term are redacted whatever the language
    expect(text).not.toContain('Mukhametkyzy');
    expect(text).not.toContain(TERM);
  });

  it('prints everything of its own in Kazakh, and no English', async () => {
    const { text, manifest } = await exportIn('kk');
    for (const expected of ['Дәлелдер жинағы', 'Дайындаған', 'Тізімдеме', 'Құжат', 'Манифест', 'Өшіру журналы', 'Қорғалған тұлға 1', 'Өшірілетін сөз 1', 'Шешімдер', 'Куәліктер', 'Refusal EN (аударма)']) {
      expect(text, expected).toContain(expected);
    }
    for (const english of ENGLISH) expect(text, english).not.toContain(english);
    expect(manifest.redactions.map((entry) => entry.label).sort()).toEqual(['Қорғалған тұлға 1', 'Өшірілетін сөз 1']);
  });

  it('control: the English export prints the English words the checks above look for', async () => {
    const { text } = await exportIn('en');
    for (const english of ['Evidence bundle', 'Prepared by', 'Index', 'Manifest', 'Redaction log', 'Protected person 1', 'Redacted word 1', 'Decisions', 'Refusal EN (translation)']) {
      expect(text, english).toContain(english);
    }
  });
});
