import type { TFunction } from 'i18next';
import type { VerifyCheck } from '../../../../shared/ipc/contract';
import type { VerifyFacts } from '../../../../shared/ipc/verifyFacts';

/**
 * What a check found, in the lawyer's words: translation keys and their values made from the check's
 * facts (shared/ipc/verifyFacts.ts) — which pages fail, which documents' files, which audit entries.
 * The core's English `message` is never shown (issue 14 item 3); a check without facts has no detail.
 * SQLite's own lines and a system error code are technical data: they are shown as they are, under a
 * translated lead-in, never as a sentence of ours.
 */
type Facts<K extends VerifyFacts['kind']> = Extract<VerifyFacts, { kind: K }>;

export type DetailKey =
  | `audit.detail.pages.${'counted' | 'walCounted' | 'bad' | 'badMore' | 'badWal' | 'empty' | 'partialPage' | 'shorterThanHeader' | 'walLost' | 'missing' | 'unreadable'}`
  | `audit.detail.structure.problems`
  | `audit.detail.originals.${'counted' | 'pageImages' | 'readingCopies' | 'missing' | 'altered' | 'reading-copy-altered' | 'moreDocuments' | 'pageImagesAltered'}`
  | `audit.detail.anchor.${NonNullable<Facts<'anchor'>['rollback']>['reason']}`
  | 'audit.detail.notRun'
  | 'audit.detail.incomplete'
  | 'audit.detail.incompleteOther'
  | 'audit.checked';

export interface DetailLine {
  key: DetailKey;
  values: Record<string, string | number>;
}

export interface CheckDetail {
  lines: DetailLine[];
  /** lines of another program (SQLite, the system), shown as data under a translated lead-in */
  technical: { lead: 'audit.detail.structure.sqliteSays' | 'audit.detail.pages.systemSays'; lines: string[] } | null;
}

/** Documents named one by one; the rest are counted (a badly damaged vault can name hundreds). */
export const DOCUMENTS_SHOWN = 10;

const line = (key: DetailKey, values: DetailLine['values'] = {}): DetailLine => ({ key, values });
const list = (numbers: readonly number[]) => numbers.join(', ');
/** An audit entry that is not there (a database without entries) is shown as a dash. */
const entry = (seq: number | null) => (seq === null ? '—' : seq);

export function checkDetail(check: Pick<VerifyCheck, 'ok' | 'facts'>): CheckDetail | null {
  const facts = check.facts;
  if (!facts) return null;
  const detail = wordsOf(facts, check.ok);
  return detail.lines.length === 0 && !detail.technical ? null : detail;
}

function wordsOf(facts: VerifyFacts, ok: boolean): CheckDetail {
  const only = (...lines: DetailLine[]): CheckDetail => ({ lines, technical: null });
  switch (facts.kind) {
    case 'not-run':
      return only(line('audit.detail.notRun'));
    case 'incomplete':
      return only(line(facts.because === 'corrupt-vault' ? 'audit.detail.incomplete' : 'audit.detail.incompleteOther'));
    case 'database-file':
      if (facts.problem === 'missing') return only(line('audit.detail.pages.missing'));
      return { lines: [line('audit.detail.pages.unreadable')], technical: facts.errno ? { lead: 'audit.detail.pages.systemSays', lines: [facts.errno] } : null };
    case 'pages':
      return only(...pageLines(facts));
    case 'structure':
      if (ok) return only();
      return { lines: [line('audit.detail.structure.problems', { count: facts.problemCount })], technical: { lead: 'audit.detail.structure.sqliteSays', lines: facts.sqlite } };
    case 'originals':
      return only(...originalLines(facts));
    case 'audit-chain':
      // The line above already names the broken entry (audit.broken.*); this says how far it read.
      return ok ? only() : only(line('audit.checked', { count: facts.entries }));
    case 'anchor':
      if (!facts.rollback) return only();
      return only(line(`audit.detail.anchor.${facts.rollback.reason}`, { anchored: entry(facts.rollback.anchoredSeq), found: entry(facts.rollback.foundSeq) }));
  }
}

function pageLines(facts: Facts<'pages'>): DetailLine[] {
  const lines: DetailLine[] = [];
  const size = facts.sizeProblem;
  if (size?.kind === 'empty') lines.push(line('audit.detail.pages.empty'));
  if (size?.kind === 'partial-page') lines.push(line('audit.detail.pages.partialPage', { bytes: size.bytes }));
  if (size?.kind === 'shorter-than-header') lines.push(line('audit.detail.pages.shorterThanHeader', { pages: size.pages, declared: size.declaredPages }));
  if (facts.badPageCount > 0) {
    const more = facts.badPageCount - facts.badPages.length;
    lines.push(more > 0 ? line('audit.detail.pages.badMore', { pages: list(facts.badPages), more }) : line('audit.detail.pages.bad', { pages: list(facts.badPages) }));
  }
  if (facts.badWalFrames.length > 0) lines.push(line('audit.detail.pages.badWal', { frames: list(facts.badWalFrames) }));
  if (facts.walProblem) lines.push(line('audit.detail.pages.walLost', { frame: facts.walProblem.frame, commits: facts.walProblem.commits }));
  if (facts.pages > 0) lines.push(line('audit.detail.pages.counted', { count: facts.pages }));
  if (facts.walFrames > 0) lines.push(line('audit.detail.pages.walCounted', { count: facts.walFrames }));
  return lines;
}

function originalLines(facts: Facts<'originals'>): DetailLine[] {
  // Named as the library names them: the title, or the id of a document without one.
  const shown = facts.documents.slice(0, DOCUMENTS_SHOWN);
  const lines = shown.map((doc) => line(`audit.detail.originals.${doc.problem}`, { title: doc.title || doc.docId }));
  const more = facts.documentCount - shown.length;
  if (more > 0) lines.push(line('audit.detail.originals.moreDocuments', { count: more }));
  if (facts.pageImagesAltered > 0) lines.push(line('audit.detail.originals.pageImagesAltered', { count: facts.pageImagesAltered }));
  lines.push(line('audit.detail.originals.counted', { count: facts.originals }));
  lines.push(line('audit.detail.originals.pageImages', { count: facts.pageImages }));
  if (facts.readingCopies > 0) lines.push(line('audit.detail.originals.readingCopies', { count: facts.readingCopies }));
  return lines;
}

/** The sentences the screen shows for a detail, in order (VerifyCheckDetail.tsx), without the data lines. */
export function detailSentences(t: TFunction, detail: CheckDetail): string[] {
  const sentences = detail.lines.map((line) => t(line.key, line.values));
  return detail.technical ? [...sentences, t(detail.technical.lead)] : sentences;
}
