import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PERSON_ROLES, RELATION_TYPES, type Deadline, type Suggestion } from '../../../shared/domain/tagging';
import { DalelFailure } from '../../core/errors';
import { RegisterStore } from '../../core/tagging/registerStore';
import { TagService } from '../../core/tagging/tagService';
import { printJson, UsageError } from '../output';
import { withVault, type CommandContext } from './vaultCommands';
import { DeadlineBook } from '../../core/tagging/deadlineBook';
import { TagStore } from '../../core/tagging/tagStore';

/** `dalel persons`, `laws`, `suggest`, `tag`, `deadlines`. JSON shapes are a contract (README). */

const PersonsFile = z.object({
  persons: z.array(
    z
      .object({
        id: z.string().min(1).max(64),
        name: z.string().min(1).max(500),
        variants: z.array(z.string().max(500)).max(1000).default([]),
        role: z.enum(PERSON_ROLES).default('other'),
        protected: z.boolean().default(false),
        dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
        notes: z.string().max(10_000).optional(),
        relations: z.array(z.object({ type: z.enum(RELATION_TYPES), to: z.string().min(1).max(64) })).default([]),
      })
      .passthrough(),
  ),
});

export async function personsCommand(ctx: CommandContext, sub: string, vaultDir: string, file: string | undefined): Promise<number> {
  if (sub === 'list') {
    if (file !== undefined) throw new UsageError('Usage: dalel persons list <vault-dir>');
    const persons = await withVault(ctx, vaultDir, (vault) => RegisterStore.open(vault.db).listPersons());
    if (ctx.json) {
      printJson(
        ctx.io,
        persons.map((p) => ({ id: p.id, name: p.name, variants: p.variants, role: p.role, protected: p.protected })),
      );
    } else if (persons.length === 0) ctx.io.stdout('The register has no persons.\n');
    else for (const p of persons) ctx.io.stdout(`${p.id}  ${p.role.padEnd(8)} ${p.protected ? 'protected ' : ''}${p.name}${p.variants.length ? `  (${p.variants.length} variants)` : ''}\n`);
    return 0;
  }
  if (sub === 'import') {
    if (!file) throw new UsageError('Usage: dalel persons import <vault-dir> <persons.json>');
    let parsed;
    try {
      parsed = PersonsFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      throw new DalelFailure('validation', `${file} could not be read as JSON: ${(error as Error).message}`);
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DalelFailure('validation', `${file}: ${issue.path.join('.')}: ${issue.message}`);
    }
    const result = await withVault(ctx, vaultDir, (vault) => RegisterStore.open(vault.db).importPersons(parsed.data.persons));
    if (ctx.json) printJson(ctx.io, result);
    else ctx.io.stdout(`${result.created} persons added, ${result.updated} updated, ${result.relations} relations recorded.\n`);
    return 0;
  }
  throw new UsageError('Usage: dalel persons import <vault-dir> <persons.json> | dalel persons list <vault-dir>');
}

export async function lawsCommand(ctx: CommandContext, sub: string, vaultDir: string): Promise<number> {
  if (sub !== 'list') throw new UsageError('Usage: dalel laws list <vault-dir>');
  const laws = await withVault(ctx, vaultDir, (vault) => RegisterStore.open(vault.db).listLaws());
  if (ctx.json) {
    printJson(
      ctx.io,
      laws.map((law) => ({ id: law.id, number: law.number, kind: law.kind, title: { en: law.title.en, ru: law.title.ru, kk: law.title.kk } })),
    );
  } else for (const law of laws) ctx.io.stdout(`${law.id.padEnd(14)} ${law.title.en}\n`);
  return 0;
}

function suggestionJson(docId: string, suggestions: Suggestion[]) {
  const open = suggestions.filter((s) => s.status === 'open');
  const base = (s: Suggestion) => ({ surface: s.surface, page: s.page, bbox: s.bbox, confidence: s.confidence, sure: s.sure, id: s.id });
  return {
    docId,
    laws: open.filter((s) => s.kind === 'law').map((s) => ({ law: s.detail.law, article: s.detail.article, ...base(s) })),
    persons: open.filter((s) => s.kind === 'person').map((s) => ({ personId: s.value, explanation: s.detail.explanation, ...base(s) })),
    dates: open
      .filter((s) => s.kind === 'document-date' || s.kind === 'valid-until')
      .map((s) => ({ kind: s.kind === 'document-date' ? 'document' : 'valid-until', date: s.value, ...base(s) })),
    outgoingNumbers: open.filter((s) => s.kind === 'number').map((s) => ({ number: s.value, ...base(s) })),
    deadlines: open
      .filter((s) => s.kind === 'deadline')
      .map((s) => ({ event: s.detail.event, due: s.detail.due, time: s.detail.time ?? null, window: s.detail.window ?? null, from: s.detail.from ?? null, ...base(s) })),
    type: open.find((s) => s.kind === 'type')?.value ?? null,
  };
}

export async function suggestCommand(ctx: CommandContext, vaultDir: string, docId: string): Promise<number> {
  const suggestions = await withVault(ctx, vaultDir, (vault) => new TagService(vault.db, undefined, vault.lawRegister).suggest(docId));
  const out = suggestionJson(docId, suggestions);
  if (ctx.json) {
    printJson(ctx.io, out);
    return 0;
  }
  const lines = suggestions
    .filter((s) => s.status === 'open')
    .map((s) => `#${s.id}  ${s.kind.padEnd(13)} ${(s.value ?? '(unknown person)').padEnd(16)} p.${s.page ?? '-'}  «${s.surface}»  ${Math.round(s.confidence * 100)}%`);
  ctx.io.stdout(lines.length ? `${lines.join('\n')}\n` : 'Nothing new to suggest for this document.\n');
  return 0;
}

export async function tagCommand(
  ctx: CommandContext,
  vaultDir: string,
  docId: string,
  options: { acceptAll?: boolean; person?: string; law?: string },
): Promise<number> {
  if (!options.acceptAll && !options.person && !options.law) throw new UsageError('Usage: dalel tag <vault-dir> <docId> --accept-all | --person ID | --law LAW:ART');
  const { tags, toReview } = await withVault(ctx, vaultDir, (vault) => {
    const service = new TagService(vault.db, undefined, vault.lawRegister);
    return vault.db.transaction(() => {
      const out = [];
      if (options.acceptAll) {
        service.suggest(docId);
        out.push(...service.acceptAll(docId, 'cli'));
      }
      const store = new TagStore(vault.db);
      if (options.person) out.push(store.addTag(docId, 'person', options.person, 'cli'));
      if (options.law) out.push(store.addTag(docId, 'law', options.law, 'cli'));
      // what --accept-all left: not sure enough to accept unseen, or a name that needs saying who it is
      const open = options.acceptAll ? service.suggestions(docId).filter((s) => s.status === 'open').length : 0;
      return { tags: out, toReview: open };
    })();
  });
  if (ctx.json) printJson(ctx.io, { docId, tags: tags.map((t) => ({ kind: t.kind, value: t.value, source: t.source })), toReview });
  else {
    const left = toReview > 0 ? ` ${toReview} ${toReview === 1 ? 'suggestion is' : 'suggestions are'} not sure enough to accept unseen: review ${toReview === 1 ? 'it' : 'them'} with \`dalel suggest\`.` : '';
    ctx.io.stdout(`${tags.length} ${tags.length === 1 ? 'tag' : 'tags'} on ${docId}.${left}\n`);
  }
  return 0;
}

export function parseDays(value: string | undefined): number {
  if (value === undefined) return 60;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 0 || days > 3650) throw new UsageError('--days takes a whole number from 0 to 3650.');
  return days;
}

/** A deadline in the CLI's words: one read from a document is named by its kind and the document's title now. */
export function deadlineWords(deadline: Deadline): string {
  const document = deadline.documentTitle ?? deadline.title;
  switch (deadline.kind) {
    case 'manual':
      return deadline.title;
    case 'validity':
      return `Valid until: ${document}`;
    case 'hearing':
      return `Hearing: ${document}`;
    case 'appeal':
      return `Appeal window: ${document}`;
  }
}

export async function deadlinesCommand(ctx: CommandContext, vaultDir: string, days: number): Promise<number> {
  const deadlines = await withVault(ctx, vaultDir, (vault) => new DeadlineBook(vault.db).deadlines({ days }));
  if (ctx.json) {
    printJson(
      ctx.io,
      deadlines.map((d) => ({ id: d.id, due: d.due, time: d.time, daysLeft: d.daysLeft, title: d.title, kind: d.kind, personId: d.personId, docId: d.docId })),
    );
  } else if (deadlines.length === 0) ctx.io.stdout(`No deadline in the next ${days} days, none overdue.\n`);
  else {
    for (const d of deadlines) {
      const when = d.daysLeft < 0 ? `OVERDUE ${-d.daysLeft} d` : d.daysLeft === 0 ? 'today' : `in ${d.daysLeft} d`;
      ctx.io.stdout(`${d.due}  ${when.padEnd(14)} ${d.personName ?? ''}  ${deadlineWords(d)}\n`);
    }
  }
  return 0;
}
