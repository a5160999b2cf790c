import sharp from 'sharp';
import { BundleStore } from '../electron/core/bundle/bundleStore';
import { CaseStore } from '../electron/core/tagging/caseStore';
import { RegisterStore } from '../electron/core/tagging/registerStore';
import { TagService } from '../electron/core/tagging/tagService';
import { TagStore } from '../electron/core/tagging/tagStore';
import { addTextDocument } from '../electron/core/testing/textDocuments';
import type { Vault } from '../electron/core/vault/unlockedVault';
import type { OcrLanguage, Word } from '../shared/domain/document';

/**
 * Documents put in an open vault the way an import leaves them, without OCR (addTextDocument, with a
 * real page image: grey lines on paper) and the given text with a word box each. For journeys about what the screens do with
 * documents (a library of 10,000, every screen checked with axe), where reading scans would only cost
 * minutes; the journeys about importing import real scans.
 */
export interface SeedDocument {
  title: string;
  text: string;
  languages?: readonly OcrLanguage[];
  importedAt?: Date;
}

const PAGE = { width: 827, height: 1170, dpi: 100 } as const;

/** The page image every seeded document has (each page stores its own copy, as an import does). */
export async function seedPageImage(): Promise<Buffer> {
  const lines = Array.from({ length: 18 }, (_, i) => `<rect x="80" y="${140 + i * 48}" width="${560 + ((i * 37) % 100)}" height="12" fill="#666"/>`).join('');
  return sharp({ create: { width: PAGE.width, height: PAGE.height, channels: 3, background: '#fbfaf6' } })
    .composite([{ input: Buffer.from(`<svg width="${PAGE.width}" height="${PAGE.height}"><rect x="80" y="70" width="400" height="24" fill="#333"/>${lines}</svg>`) }])
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** Word boxes laid along the image's grey lines, so the viewer has words to show and highlight. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let x = 80;
  let line = 0;
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const width = 14 * token.length;
    if (x + width > PAGE.width - 80) {
      line += 1;
      x = 80;
    }
    words.push({ text: token, bbox: [x, 136 + line * 48, width, 20], conf: 95 });
    x += width + 14;
  }
  return words;
}

/**
 * Stores `documents` in one transaction; returns their ids in order. `small`: the page image is the
 * thumbnail too (2 KB instead of 30 a page), for vaults of thousands of documents.
 */
export async function seedDocuments(vault: Vault, documents: readonly SeedDocument[], options: { small?: boolean } = {}): Promise<string[]> {
  const { db } = vault;
  const thumb = await sharp(await seedPageImage()).resize({ width: 240 }).jpeg({ quality: 70 }).toBuffer();
  const image = options.small ? thumb : await seedPageImage();
  return db.transaction(() =>
    documents.map((doc, index) =>
      addTextDocument(db, {
        title: doc.title,
        pages: [doc.text],
        words: options.small ? () => [] : wordsOf,
        languages: [...(doc.languages ?? ['rus', 'kaz', 'eng'])],
        now: doc.importedAt ?? new Date(Date.UTC(2026, 10, 1) + index * 60_000),
        page: options.small ? { width: 240, height: 340, dpi: 29 } : PAGE,
        images: { image, thumb },
      }, vault.searchIndex),
    ),
  )();
}

/**
 * A client's appeal, as the screen journeys (three-language screenshots, the language walk) show it:
 * four documents in Russian, Kazakh and English; the client and her protected father; the refusal and the
 * certificate tagged (type, date, a validity end 20 days ahead, which makes a deadline) and in a case;
 * suggestions made; a saved bundle of the first `bundleEntries` documents.
 */
export const APPEAL = {
  documents: [
    {
      title: 'Отказ МВД Даулеткызы',
      text: 'Министерство внутренних дел Республики Казахстан. Исх. № 3-1-17/Б-1234 от 02.04.2021. Гражданке Даулеткызы Айгерим. В соответствии со статьей 49 Закона Республики Казахстан «О гражданстве Республики Казахстан» № 477-IV в выдаче отказано.',
    },
    { title: 'Удостоверение беженца Даулеткызы', text: 'Удостоверение беженца № 000418 выдано Даулеткызы Айгерим 03.06.2021. Действительно до 03.06.2027.' },
    { title: 'Хат: туыстары туралы', text: 'Әйгерім Дәулетқызының әкесі Дәулет Көшербайұлы Шыңжаңда тұрады және полиция оны бақылауда ұстайды.' },
    { title: 'NGO memo on relatives in Xinjiang', text: 'Memo. Aigerim Dauletkyzy reports that her father Daulet Kosherbaiuly is questioned by the police in Emin County.' },
  ],
  persons: ['Aigerim Dauletkyzy', 'Daulet Kosherbaiuly', 'Даулеткызы Айгерим', 'Әйгерім Дәулетқызы', 'Дәулет Көшербайұлы'],
  caseTitle: 'Dauletkyzy — residence appeal',
  bundleTitle: 'Appeal of Aigerim Dauletkyzy',
  preparedBy: 'M. Seitkaliyeva',
  section: 'Evidence',
} as const;

/** Puts APPEAL in the open vault; returns the documents' ids in APPEAL.documents' order. */
export async function seedAppeal(vault: Vault, bundle: { entries: number; redactedTerms: string[] }): Promise<string[]> {
  const { db } = vault;
  const ids = await seedDocuments(vault, APPEAL.documents);
  const register = RegisterStore.open(db, () => new Date());
  register.createPerson({ id: 'P-AIGERIM', name: 'Aigerim Dauletkyzy', variants: ['Даулеткызы Айгерим', 'Әйгерім Дәулетқызы'], role: 'client' });
  register.createPerson({ id: 'P-DAULET', name: 'Daulet Kosherbaiuly', variants: ['Дәулет Көшербайұлы'], role: 'relative', protected: true });
  const tags = new TagStore(db, () => new Date());
  tags.addTag(ids[0]!, 'person', 'P-AIGERIM');
  tags.addTag(ids[0]!, 'type', 'refusal');
  tags.addTag(ids[0]!, 'document-date', '2021-04-02');
  tags.addTag(ids[1]!, 'person', 'P-AIGERIM');
  tags.addTag(ids[1]!, 'type', 'certificate');
  tags.addTag(ids[1]!, 'valid-until', new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
  const suggestions = new TagService(db, () => new Date(), vault.lawRegister);
  for (const id of ids) suggestions.suggest(id);
  const cases = new CaseStore(db, () => new Date());
  const appeal = cases.save({ title: APPEAL.caseTitle, notes: '' });
  for (const id of ids.slice(0, 2)) cases.setMember(appeal.id, { docId: id }, true);
  new BundleStore(db).save({
    title: APPEAL.bundleTitle,
    caseId: appeal.id,
    personId: 'P-AIGERIM',
    preparedBy: APPEAL.preparedBy,
    stampPrefix: '',
    sections: [
      {
        title: APPEAL.section,
        entries: ids.slice(0, bundle.entries).map((docId, i) => ({ docId, title: APPEAL.documents[i]!.title, date: null, description: '', translationDocIds: [] })),
      },
    ],
    redaction: { protectedPersons: true, terms: bundle.redactedTerms, boxes: [], waived: [] },
  });
  return ids;
}
