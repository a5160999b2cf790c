import type { VerifyCheck } from '../../../shared/schemas/vault';
import type { VerifyFacts } from '../../../shared/ipc/verifyFacts';
import { describeRollback, type Rollback } from './anchor';

/**
 * The English sentence of a check (`VerifyCheck.message`), made from its facts: what `dalel verify`
 * prints and logs keep. The app never shows it; it words the facts in the lawyer's language
 * (renderer/src/features/library/verifyDetail.ts). Documents are named by id here, never by title: a
 * title can name a protected relative, and these sentences end up in terminals and logs.
 */
export interface MessageContext {
  /** the error a check stopped at, or that kept vault.db from being read */
  error?: string;
  /** the anchor's rollback with its hashes (the facts keep sequence numbers only) */
  rollback?: Rollback;
}

const TITLES: Record<VerifyCheck['check'], string> = {
  pages: 'Page authentication',
  structure: 'Database structure',
  originals: 'Stored files',
  'audit-chain': 'Audit log',
  anchor: 'Latest-state record',
};

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

export function describeCheck(check: VerifyCheck['check'], facts: VerifyFacts, context: MessageContext = {}): string {
  const title = TITLES[check];
  switch (facts.kind) {
    case 'not-run':
      return `Not checked: ${context.error ?? 'The vault database could not be opened.'}`;
    case 'incomplete':
      return `${title}: could not be completed — ${context.error ?? facts.because}`;
    case 'database-file':
      return `${title}: ${facts.problem === 'missing' ? 'vault.db is missing beside the vault header' : `vault.db cannot be read (${facts.errno ?? context.error ?? 'unknown error'})`}.`;
    case 'pages':
      return `${title}: ${pagesSentence(facts)}`;
    case 'structure':
      return facts.problemCount === 0
        ? `${title}: SQLite's ${facts.pragma} found no problem.`
        : `${title}: SQLite's ${facts.pragma} found ${facts.problemCount} ${plural(facts.problemCount, 'problem', 'problems')}: ${facts.sqlite.join('; ')}`;
    case 'originals':
      return `${title}: ${originalsSentence(facts)}`;
    case 'audit-chain':
      return `${title}: ${auditSentence(facts)}`;
    case 'anchor':
      if (!facts.rollback) return `${title}: the database is not older than the vault has been.`;
      return `${title}: ${context.rollback ? describeRollback(context.rollback) : `the database is older than the vault has been (${facts.rollback.reason}).`}`;
  }
}

function pagesSentence(facts: Extract<VerifyFacts, { kind: 'pages' }>): string {
  const problems: string[] = [];
  const size = facts.sizeProblem;
  if (size?.kind === 'empty') problems.push('vault.db is empty (0 bytes).');
  if (size?.kind === 'partial-page') problems.push(`vault.db is cut short: ${size.bytes} bytes is not a whole number of ${size.pageSize}-byte pages.`);
  if (size?.kind === 'shorter-than-header') problems.push(`vault.db is cut short: its header counts ${size.declaredPages} pages, the file holds ${size.pages}.`);
  const bad = facts.badPageCount;
  if (bad > 0) {
    const more = bad > facts.badPages.length ? ', …' : '';
    problems.push(`${bad} ${plural(bad, 'page', 'pages')} of vault.db ${plural(bad, 'fails', 'fail')} the cipher's authentication (page ${facts.badPages.join(', ')}${more}): the file was damaged or altered.`);
  }
  if (facts.badWalFrames.length > 0) problems.push(`WAL frame ${facts.badWalFrames.join(', ')} fails the cipher's authentication.`);
  if (facts.walProblem) problems.push(`vault.db-wal is damaged at frame ${facts.walProblem.frame}: ${facts.walProblem.commits} committed transactions after it would be lost.`);
  if (problems.length > 0) return problems.join(' ');
  const wal = facts.walFrames > 0 ? ` and ${facts.walFrames} WAL ${plural(facts.walFrames, 'frame', 'frames')}` : '';
  return `all ${facts.pages} pages of vault.db${wal} are intact.`;
}

function originalsSentence(facts: Extract<VerifyFacts, { kind: 'originals' }>): string {
  const bad = facts.documents.map((doc) => {
    if (doc.problem === 'missing') return `${doc.docId}: its original is missing`;
    if (doc.problem === 'altered') return `${doc.docId}: its original no longer matches the SHA-256 recorded at import`;
    return `${doc.docId}: the readable copy of its password-protected original no longer matches its SHA-256`;
  });
  const images = facts.pageImagesAltered;
  if (images > 0) bad.push(`${images} page ${plural(images, 'image', 'images')} no longer ${plural(images, 'matches', 'match')} their SHA-256`);
  if (bad.length > 0) {
    const more = bad.length > 10 || facts.documentCount > facts.documents.length ? '; …' : '';
    return `${bad.slice(0, 10).join('; ')}${more}.`;
  }
  const copies = facts.readingCopies > 0 ? `, ${facts.readingCopies} readable ${plural(facts.readingCopies, 'copy', 'copies')} of password-protected PDFs` : '';
  return `all ${facts.originals} originals (and ${facts.pageImages} page images${copies}) match their SHA-256.`;
}

function auditSentence(facts: Extract<VerifyFacts, { kind: 'audit-chain' }>): string {
  if (!facts.broken) return `${facts.entries} ${facts.entries === 1 ? 'entry' : 'entries, each linked to the one before'}.`;
  const what = {
    'hash-mismatch': 'was altered',
    'chain-broken': 'does not follow from the entry before it (entries were replaced or reordered)',
    missing: 'is missing (entries were deleted or moved)',
    'head-mismatch': 'is not the last entry the vault recorded (entries were added from outside Dalel)',
  }[facts.broken.reason];
  return `entry #${facts.broken.seq} ${what}.`;
}
