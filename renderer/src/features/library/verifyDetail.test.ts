import { describe, expect, it } from 'vitest';
import type { VerifyCheck } from '../../../../shared/ipc/contract';
import { VerifyFacts } from '../../../../shared/ipc/verifyFacts';
import { createI18n } from '../../i18n/i18n';
import { LANGUAGES } from '../../i18n/language';
import { DOCUMENTS_SHOWN, checkDetail, detailSentences } from './verifyDetail';

/**
 * Failed checks as the core reports them (facts and English sentences copied from a run of
 * electron/core/vault/integrity.test.ts and rollback.test.ts on damaged vaults).
 */
const SQLITE_LINES = ['row 1 missing from index documents_imported', 'row 2 missing from index documents_imported'];
const failedChecks: VerifyCheck[] = [
  {
    check: 'pages',
    ok: false,
    code: 'corrupt-vault',
    message: "Page authentication: 2 pages of vault.db fail the cipher's authentication (page 7, 31): the file was damaged or altered. WAL frame 3 fails the cipher's authentication.",
    facts: { kind: 'pages', pages: 58, walFrames: 4, badPages: [7, 31], badPageCount: 2, badWalFrames: [3], sizeProblem: { kind: 'shorter-than-header', declaredPages: 62, pages: 58 }, walProblem: { kind: 'lost-commits', frame: 5, commits: 3 } },
  },
  {
    check: 'structure',
    ok: false,
    code: 'corrupt-vault',
    message: `Database structure: SQLite's integrity_check found 24 problems: ${SQLITE_LINES.join('; ')}`,
    facts: { kind: 'structure', pragma: 'integrity_check', problemCount: 24, sqlite: SQLITE_LINES },
  },
  {
    check: 'originals',
    ok: false,
    code: 'corrupt-vault',
    message: 'Stored files: doc_a1b2c3d4: its original is missing; doc_e5f6g7h8: its original no longer matches the SHA-256 recorded at import; 2 page images no longer match their SHA-256.',
    facts: {
      kind: 'originals',
      originals: 12,
      pageImages: 30,
      readingCopies: 1,
      documents: [
        { docId: 'doc_a1b2c3d4', title: 'Решение суда от 12.03.2024', problem: 'missing' },
        { docId: 'doc_e5f6g7h8', title: null, problem: 'altered' },
        { docId: 'doc_i9j0k1l2', title: 'Справка о статусе беженца', problem: 'reading-copy-altered' },
      ],
      documentCount: 3,
      pageImagesAltered: 2,
    },
  },
  {
    check: 'audit-chain',
    ok: false,
    code: 'audit-tampered',
    message: 'Audit log: entry #4 was altered.',
    facts: { kind: 'audit-chain', entries: 17, broken: { seq: 4, reason: 'hash-mismatch' } },
  },
  {
    check: 'anchor',
    ok: false,
    code: 'vault-rolled-back',
    message: 'Latest-state record: The vault database is older than the vault has been: its audit log ends at entry #9 (3f2a…), but the vault had already reached entry #14 (9c1d…). An older copy of vault.db was put back, or changes were lost (vault.db-wal deleted after a crash).',
    facts: { kind: 'anchor', rollback: { reason: 'older', anchoredSeq: 14, foundSeq: 9 } },
  },
];

/** File names and program names are the same in every language; any other Latin word is English left in. */
const NAMES = /vault\.db-wal|vault\.db|dalel-anchor\.json|SQLite|PDF|doc_[A-Za-z0-9_-]+/g;
const englishIn = (text: string) => text.replace(NAMES, '').match(/[A-Za-z]{2,}(?:\s+[A-Za-z]{2,})*/g) ?? [];

const shown = (language: (typeof LANGUAGES)[number], check: VerifyCheck) => {
  const { t } = createI18n(language);
  return detailSentences(t, checkDetail(check)!).join('\n');
};

describe('the detail of a check, worded from its facts', () => {
  it('the core’s facts pass the contract’s schema', () => {
    for (const check of failedChecks) expect(VerifyFacts.safeParse(check.facts).success, check.check).toBe(true);
  });

  for (const language of ['ru', 'kk'] as const) {
    it(`in ${language}: no English sentence, and the pages, frames, documents and entries named`, () => {
      const [pages, structure, originals, audit, anchor] = failedChecks.map((check) => shown(language, check)) as [string, string, string, string, string];
      for (const [index, text] of [pages, structure, originals, audit, anchor].entries()) {
        expect(englishIn(text), `${language} ${failedChecks[index]!.check}: ${text}`).toEqual([]);
        expect(text).not.toContain(failedChecks[index]!.message);
      }
      expect(pages).toContain('7, 31');
      expect(pages).toContain('62'); // pages the header counts
      expect(pages).toMatch(/\b3\b/); // the WAL frame
      expect(pages).toMatch(/\b5\b/); // where the WAL breaks
      expect(structure).toContain('24');
      expect(originals).toContain('«Решение суда от 12.03.2024»');
      expect(originals).toContain('«doc_e5f6g7h8»'); // no title: named by its id, as the library does
      expect(originals).toContain('«Справка о статусе беженца»');
      expect(audit).toContain('17');
      expect(anchor).toContain('№ 14');
      expect(anchor).toContain('№ 9');
    });
  }

  it('control: the same check in the core’s English sentence is caught by the test above', () => {
    for (const check of failedChecks) expect(englishIn(check.message), check.check).not.toEqual([]);
    // and English wording of the facts is English, so the detector is not blind to the app's own words
    expect(englishIn(shown('en', failedChecks[4]!))).not.toEqual([]);
  });

  it('shows SQLite’s own lines as data, unchanged, under a translated lead-in', () => {
    for (const language of LANGUAGES) {
      const detail = checkDetail(failedChecks[1]!)!;
      expect(detail.technical).toEqual({ lead: 'audit.detail.structure.sqliteSays', lines: SQLITE_LINES });
      const { t } = createI18n(language);
      expect(t(detail.technical!.lead)).not.toContain('audit.');
    }
  });

  it('names the first documents and counts the rest', () => {
    const many: VerifyCheck = {
      check: 'originals',
      ok: false,
      message: '',
      facts: {
        kind: 'originals',
        originals: 80,
        pageImages: 0,
        readingCopies: 0,
        documents: Array.from({ length: 50 }, (_, index) => ({ docId: `doc_${String(index).padStart(6, '0')}`, title: `Письмо ${index}`, problem: 'missing' as const })),
        documentCount: 64,
        pageImagesAltered: 0,
      },
    };
    const detail = checkDetail(many)!;
    expect(detail.lines.filter((line) => line.key === 'audit.detail.originals.missing')).toHaveLength(DOCUMENTS_SHOWN);
    expect(detail.lines).toContainEqual({ key: 'audit.detail.originals.moreDocuments', values: { count: 64 - DOCUMENTS_SHOWN } });
  });

  it('says what a passing check counted, and nothing for a passing check that counts nothing new', () => {
    const { t } = createI18n('ru');
    const pages: VerifyCheck = { check: 'pages', ok: true, message: '', facts: { kind: 'pages', pages: 58, walFrames: 0, badPages: [], badPageCount: 0, badWalFrames: [], sizeProblem: null, walProblem: null } };
    expect(detailSentences(t, checkDetail(pages)!)).toEqual(['Проверено страниц: 58.']);
    const originals: VerifyCheck = { check: 'originals', ok: true, message: '', facts: { kind: 'originals', originals: 12, pageImages: 30, readingCopies: 0, documents: [], documentCount: 0, pageImagesAltered: 0 } };
    expect(detailSentences(t, checkDetail(originals)!)).toEqual(['Сверено оригиналов: 12.', 'Сверено изображений страниц: 30.']);
    expect(checkDetail({ ok: true, facts: { kind: 'anchor', rollback: null } })).toBeNull();
    expect(checkDetail({ ok: true, facts: { kind: 'structure', pragma: 'quick_check', problemCount: 0, sqlite: [] } })).toBeNull();
  });

  it('has words for every kind of finding in every language', () => {
    const others: VerifyCheck[] = [
      { check: 'pages', ok: false, message: '', facts: { kind: 'database-file', problem: 'missing', errno: 'ENOENT' } },
      { check: 'pages', ok: false, message: '', facts: { kind: 'database-file', problem: 'unreadable', errno: 'EACCES' } },
      { check: 'pages', ok: false, message: '', facts: { kind: 'pages', pages: 0, walFrames: 0, badPages: [], badPageCount: 0, badWalFrames: [], sizeProblem: { kind: 'empty' }, walProblem: null } },
      { check: 'pages', ok: false, message: '', facts: { kind: 'pages', pages: 9, walFrames: 0, badPages: [1, 2], badPageCount: 70, badWalFrames: [], sizeProblem: { kind: 'partial-page', bytes: 38912, pageSize: 4096 }, walProblem: null } },
      { check: 'structure', ok: false, message: '', facts: { kind: 'not-run', because: 'corrupt-vault' } },
      { check: 'structure', ok: false, message: '', facts: { kind: 'incomplete', because: 'corrupt-vault' } },
      { check: 'structure', ok: false, message: '', facts: { kind: 'incomplete', because: 'vault-locked' } },
      ...(['diverged', 'anchor-missing', 'anchor-invalid'] as const).map((reason): VerifyCheck => ({ check: 'anchor', ok: false, message: '', facts: { kind: 'anchor', rollback: { reason, anchoredSeq: null, foundSeq: 9 } } })),
    ];
    for (const language of LANGUAGES) {
      const { t } = createI18n(language);
      for (const check of [...failedChecks, ...others]) {
        for (const sentence of detailSentences(t, checkDetail(check)!)) {
          expect(sentence, `${language} ${check.check}`).not.toMatch(/audit\.|\{\{/);
          if (language !== 'en') expect(englishIn(sentence), `${language}: ${sentence}`).toEqual([]);
        }
      }
    }
  });
});
