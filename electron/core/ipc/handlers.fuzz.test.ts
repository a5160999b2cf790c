/**
 * Every contract channel through the handler table, as a compromised page would call it: wrong types,
 * huge strings, `__proto__` and `constructor` keys, path traversal, NaN and Infinity, deep nesting,
 * missing and extra fields. Against a real vault in a temp folder, wired as the app wires it
 * (createAppServices: real parser processes, real session). Each answer must be an envelope — never a
 * throw out of dispatch — and a refusal must carry a code other than `internal` (an `internal` answer to
 * bad input is a validation bug). Nothing may be written outside the temp folder, and nothing may land
 * on Object.prototype.
 *
 * FUZZ_RUNS=500 runs more cases per channel; FUZZ_SEED=<n> replays a run.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../../shared/ipc/channels';
import type { Input } from '../../../shared/ipc/contract';
import { ERROR_CODES, type Result } from '../../../shared/ipc/errors';
import { createAppServices, type AppServices } from '../app/appServices';
import { nodeParserProcesses } from '../import/parse';
import { defaultTessdataDir } from '../ocr';
import { TEST_KDF, listFiles, tempDir } from '../testing/fixtures';
import { PROTOTYPE_KEYS, fuzzRuns, fuzzSeed, hostileNumbers, hostileStrings, hostileValue, withOwnKey } from '../testing/hostileInput';
import { addTextDocument, blankScan } from '../testing/textDocuments';
import { createHandlers, dispatch, type Handlers } from './handlers';

const PASSPHRASE = 'correct horse battery staple fuzz';
const RUNS = fuzzRuns(30);
/** The vault channels derive a key (Argon2id, 64 MiB) for inputs that pass validation: fewer of them. */
const VAULT_RUNS = fuzzRuns(12);
/** The last name of every path the fuzz makes up. */
const MARK = 'dalel-fuzz-target';
/** How deep the starting folders lie: deeper than the most `..` a made-up path holds, so none can leave the temp folder. */
const DEPTH = 10;

let dir: ReturnType<typeof tempDir>;
let services: AppServices;
let handlers: Handlers;
let vaultPath: string;
/**
 * The fuzz runs as root on the CI machine, so a path that escaped for real would write anywhere. It is
 * kept inside the temp folder instead: the working directory (where a relative path lands) and the
 * folder traversals start from both lie DEPTH levels down in it, and the escape is found by where the
 * files landed — under `cwd/` (a relative path was taken) or in `jail/` outside `start` (a `..` was
 * followed). Absolute paths elsewhere are legitimate requests and are not sent (fc.pre).
 */
let jail: { cwd: string; start: string; savedCwd: string };
const internals: Array<{ channel: Channel; error: unknown }> = [];
/** Unexpected errors of background work (import, print reading) the fuzz set off. */
const background: string[] = [];
/** The channels that read what others stored: each is called, with its valid template, after every channel's fuzz. */
const READERS = CHANNELS.filter((channel) => /:(list|get|forDocument|forMember|status|query)$/.test(channel));
let ids: { docId: string; personId: string; otherPersonId: string; caseId: string; bundleId: string; suggestionId: number; tagId: number; deadlineId: number };

/** Paths as an attacker spells them: relative, with `..`, encoded, into the temp folder and out of it. */
function hostilePath(): fc.Arbitrary<string> {
  const prefix = fc.constantFrom('', '.', './', '~', 'C:\\', '\\\\?\\', 'file://', jail.start, `${jail.start}/`);
  const segment = fc.constantFrom('..', '.', '...', '%2e%2e', '..\\..', '', 'sub', '..%2f..', '\0');
  return fc
    .tuple(prefix, fc.array(segment, { maxLength: DEPTH - 2 }), fc.constantFrom('', '.pdf', '.zip', '/dalel-vault.json'))
    .map(([start, middle, end]) => [...(start ? [start] : []), ...middle, `${MARK}${end}`].join('/'));
}

/**
 * Would this input send a path outside the temp folder that is not a made-up one? (Skipped: a real
 * request.) The hostile strings' system paths (/dev/zero, /proc/self/environ) are sent to be read, never
 * to vault:create, which may create or take over a folder.
 */
function realPathElsewhere(value: unknown, mayCreate: boolean, depth = 0): boolean {
  if (typeof value === 'string') {
    return isAbsolute(value) && !value.includes('\0') && !within(resolve(value), dir.path) && (mayCreate || !hostileStrings.includes(value as never));
  }
  if (depth > 8) return false; // paths sit at most three levels down; deeper nesting is never valid input
  if (Array.isArray(value)) return value.some((item) => realPathElsewhere(item, mayCreate, depth + 1));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) return Object.values(value).some((item) => realPathElsewhere(item, mayCreate, depth + 1));
  return false;
}

function within(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

async function call(channel: Channel, input: unknown): Promise<Result<unknown>> {
  let answer: Result<unknown>;
  try {
    answer = await dispatch(handlers, channel, input, { logError: (ch, error) => internals.push({ channel: ch, error }) });
  } catch (error) {
    throw new Error(`dispatch threw on ${channel}: ${String(error)}`, { cause: error });
  }
  expect(answer).toBeTypeOf('object');
  if (answer.ok) expect(answer).toHaveProperty('value');
  else {
    expect(ERROR_CODES).toContain(answer.error.code);
    expect(typeof answer.error.message).toBe('string');
    if (answer.error.code === 'internal') {
      const logged = internals.filter((entry) => entry.channel === channel).map((entry) => String((entry.error as Error)?.stack ?? entry.error));
      throw new Error(`${channel} answered internal to ${describeInput(input)}: ${logged.at(-1) ?? answer.error.message}`);
    }
  }
  if (process.env.FUZZ_STATS) {
    const key = `${channel} ${answer.ok ? 'ok' : answer.error.code}`;
    stats.set(key, (stats.get(key) ?? 0) + 1);
  }
  return answer;
}
const stats = new Map<string, number>();

function describeInput(input: unknown): string {
  try {
    const text = fc.stringify(input);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return String(input);
  }
}

/** A valid input per channel, referring to records that exist: the fuzz mutates these. */
function templates(): { [C in Channel]: Input<C> } {
  const { docId, personId, otherPersonId, caseId, bundleId, suggestionId, tagId, deadlineId } = ids;
  const section = { title: 'Decisions', entries: [{ docId, title: 'Refusal', date: '2021-04-02', description: '', translationDocIds: [] }] };
  const bundle = {
    title: 'Appeal',
    caseId,
    personId,
    preparedBy: 'M. Seitkaliyeva',
    stampPrefix: '',
    sections: [section],
    redaction: { protectedPersons: true, terms: ['Aigerim'], boxes: [{ docId, page: 1, box: [10, 10, 50, 20] as [number, number, number, number], reason: 'manual' }], waived: [] },
  };
  return {
    'vault:create': { path: join(dir.path, 'second vault'), passphrase: PASSPHRASE },
    'vault:unlock': { path: vaultPath, secret: { passphrase: 'not the passphrase at all' } },
    'vault:openDemo': { language: 'kk' },
    'vault:lock': {},
    'vault:status': {},
    'vault:changePassphrase': { current: 'not the passphrase at all', next: 'another long passphrase here' },
    'vault:verify': {},
    'settings:get': {},
    'settings:update': { autoLockMinutes: 15, language: 'kk' },
    'session:activity': {},
    'dialog:pickFolder': { purpose: 'create-vault' },
    'dialog:pickFiles': {},
    'clipboard:copyRecoveryCode': { code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789' },
    'recovery:saveCode': { code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789', language: 'ru' },
    'documents:import': { paths: [join(dir.path, 'nothing-here.pdf')], languages: ['rus'] },
    'documents:importFiles': { files: [{ name: 'scan.pdf', data: new Uint8Array([0x25, 0x50, 0x44, 0x46]) }], languages: ['eng'] },
    'documents:cancelImport': { batchId: 'imp_nothing' },
    'documents:retryImport': { batchId: 'imp_nothing', file: 0, password: 'not the password of anything' },
    'documents:list': { filters: { languages: ['rus'], importedFrom: '2020-01-01', personId } },
    'documents:get': { docId },
    'documents:pageImage': { docId, page: 1, variant: 'thumb' },
    'documents:rerunOcr': { docId, languages: ['kaz'] },
    'documents:confirmReading': { docId, page: 1 },
    'documents:edit': { docId, title: 'Refusal', documentDate: '2021-04-02', type: 'refusal' },
    // a document that is not there: the fuzzing must not delete the one the other channels use
    'documents:delete': { docIds: ['doc_AAAAAAAAAAAA'] },
    'search:query': { query: 'Решение', limit: 5, offset: 0, filters: { caseId } },
    'search:documentMatches': { docId, query: 'Решение' },
    'persons:list': {},
    'persons:get': { personId },
    'persons:save': { id: personId, name: 'Aigerim Sultanovna', variants: ['Айгерим'], role: 'client', dateOfBirth: '1990-02-03', notes: '', protected: true },
    'persons:addVariant': { personId, variant: 'Әйгерім' },
    'persons:removeVariant': { personId, variant: 'Айгерим' },
    'persons:merge': { keepId: personId, goneId: otherPersonId },
    'persons:addRelation': { subject: personId, type: 'mother-of', object: otherPersonId },
    'laws:list': {},
    'laws:save': { id: 'KZ-FUZZ-1', number: '1-FZ', kind: 'law', date: '2020-01-01', title: { en: 'On Fuzzing', ru: 'О фаззинге', kk: 'Фаззинг туралы' }, aliases: ['fuzz law'] },
    'tags:forDocument': { docId },
    'tags:suggest': { docId },
    'tags:accept': { suggestionId, newPerson: { name: 'Someone New', role: 'relative', protected: false } },
    'tags:reject': { suggestionId },
    'tags:add': { docId, kind: 'type', value: 'refusal' },
    'tags:remove': { tagId },
    'tags:addPerson': { personId, docIds: [docId] },
    'deadlines:list': { days: 60, includeDone: true },
    'deadlines:add': { due: '2027-01-15', title: 'Appeal due', personId },
    'deadlines:setDone': { id: deadlineId, done: true },
    'cases:list': {},
    'cases:get': { caseId },
    'cases:save': { id: caseId, title: 'Citizenship appeal', notes: 'n' },
    'cases:setMember': { caseId, docId, inCase: true },
    'cases:forMember': { personId },
    'dialog:pickSavePath': { purpose: 'bundle-pdf', suggestedName: 'bundle.pdf' },
    'documents:translations': { docId },
    'documents:attachTranslation': { docId, translationDocId: docId, attached: true },
    'bundles:list': {},
    'bundles:get': { bundleId },
    'bundles:save': { id: bundleId, ...bundle },
    'bundles:delete': { bundleId: 'bnd_AAAAAAAAAA' },
    'bundles:propose': { query: 'Решение' },
    'bundles:plan': { bundleId },
    'bundles:previewPage': { bundleId, page: 1 },
    'bundles:export': { bundleId, path: join(dir.path, 'export', 'bundle.pdf'), zip: { path: join(dir.path, 'export', 'bundle.zip'), originals: 'none' } },
    'bundles:cancelExport': { bundleId },
    'bundles:openExported': { path: join(dir.path, 'export', 'bundle.pdf'), how: 'folder' },
    'vault:rotateKey': { current: 'not the passphrase at all', next: 'another long passphrase here' },
    'vault:newRecoveryCode': { current: 'not the passphrase at all' },
    'vault:wipe': { path: join(dir.path, 'second vault'), confirmation: 'not the folder name' },
    'vault:restore': { file: join(dir.path, 'nothing.dalelbackup'), path: join(dir.path, 'restored'), secret: { passphrase: PASSPHRASE } },
    'dialog:pickBackupFile': {},
    'backups:now': { path: join(dir.path, 'saved', 'vault.dalelbackup') },
    'backups:cancel': {},
    'backups:schedule': {},
    'backups:setSchedule': { folder: join(dir.path, 'no backup folder'), everyHours: 24, keep: 3 },
  };
}

/** Every place in a value where a field or element can be replaced: paths of keys and indexes. */
function slots(value: unknown, path: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (value instanceof Uint8Array) return out;
  if (Array.isArray(value)) value.forEach((item, index) => (out.push([...path, index]), slots(item, [...path, index], out)));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push([...path, key]);
      slots(item, [...path, key], out);
    }
  }
  return out;
}

function replaceAt(value: unknown, path: Array<string | number>, replacement: unknown, mode: 'set' | 'delete' | 'extra', extraKey = ''): unknown {
  if (path.length === 0) {
    if (mode !== 'extra' || !value || typeof value !== 'object' || Array.isArray(value)) return replacement;
    return withOwnKey(value as Record<string, unknown>, extraKey, replacement);
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && mode === 'delete') copy.splice(head as number, 1);
    else copy[head as number] = replaceAt(copy[head as number], rest, replacement, mode, extraKey);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && mode === 'delete') delete copy[head as string];
  else copy[head as string] = replaceAt(copy[head as string], rest, replacement, mode, extraKey);
  return copy;
}

/** A template mutated: the whole input replaced, one field replaced or dropped, or a hostile key added. */
function mutatedInput(template: unknown, pathLike: boolean): fc.Arbitrary<unknown> {
  const places = slots(template);
  const value = pathLike ? fc.oneof(hostileValue, hostilePath()) : hostileValue;
  const place = places.length ? fc.constantFrom(...places) : fc.constant<Array<string | number>>([]);
  const objects = [[] as Array<string | number>, ...places.filter((path) => {
    const at = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key as string], template);
    return at !== null && typeof at === 'object' && !Array.isArray(at) && !(at instanceof Uint8Array);
  })];
  // Same-type replacements pass validation more often, so they reach the handlers: strings that are odd
  // but short enough, ids that do not exist, numbers at the edges of their range.
  // Another field's value in this field: the same person twice in a merge, a document as its own translation.
  const own = [...new Set(places.map((path) => path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key as string], template)).filter((v): v is string => typeof v === 'string'))];
  const sameType = (at: unknown): fc.Arbitrary<unknown> =>
    typeof at === 'string'
      ? fc.oneof(
          fc.constantFrom(...hostileStrings.filter((text) => text.length <= 200)),
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          fc.constantFrom(...own),
          ...(pathLike ? [hostilePath()] : []),
        )
      : typeof at === 'number'
        ? fc.oneof(fc.constantFrom(...hostileNumbers), fc.integer())
        : typeof at === 'boolean'
          ? fc.boolean()
          : value;
  const typed = places.length
    ? fc.constantFrom(...places).chain((path) => sameType(path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key as string], template)).map((replacement) => replaceAt(template, path, replacement, 'set')))
    : value;
  return fc.oneof(
    { weight: 1, arbitrary: value },
    { weight: 5, arbitrary: typed },
    { weight: 5, arbitrary: fc.tuple(place, value).map(([path, replacement]) => replaceAt(template, path, replacement, 'set')) },
    { weight: 1, arbitrary: place.map((path) => replaceAt(template, path, undefined, 'delete')) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...objects), fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string()), hostileValue)
        .map(([path, key, replacement]) => (path.length === 0 ? withOwnKey(template as Record<string, unknown>, key, replacement) : replaceAt(template, path, replacement, 'extra', key))),
    },
  );
}

const PATH_CHANNELS = new Set<Channel>([
  'vault:create',
  'vault:unlock',
  'documents:import',
  'documents:importFiles',
  'dialog:pickSavePath',
  'bundles:export',
  'bundles:openExported',
  'vault:wipe',
  'vault:restore',
  'backups:now',
  'backups:setSchedule',
]);
const VAULT_CHANNELS = new Set<Channel>(['vault:create', 'vault:unlock', 'vault:openDemo', 'vault:lock', 'vault:changePassphrase', 'vault:rotateKey', 'vault:newRecoveryCode', 'vault:wipe', 'vault:restore']);

/** Back to our vault, unlocked with the passphrase, whatever the last case did to the session. */
async function restoreSession(): Promise<void> {
  const status = services.session.status();
  if (status.state === 'unlocked' && status.path === vaultPath) return;
  if (status.state === 'unlocked') await services.session.lock('user');
  const unlocked = await dispatch(handlers, 'vault:unlock', { path: vaultPath, secret: { passphrase: PASSPHRASE } });
  expect(unlocked).toMatchObject({ ok: true, value: { state: 'unlocked', path: vaultPath } });
}

async function seed(): Promise<void> {
  const vault = services.session.vault();
  const image = await blankScan(248, 351);
  const docId = addTextDocument(
    vault.db,
    {
      title: 'Refusal Aigerim',
      pages: ['Решение об отказе Aigerim Sultanovna 477-IV 02.04.2021'],
      words: () => [
        { text: 'Решение', bbox: [20, 40, 120, 60], conf: 90 },
        { text: 'Aigerim', bbox: [20, 70, 120, 90], conf: 90 },
      ],
      languages: ['rus'],
      now: new Date('2026-11-28T09:00:00Z'),
      page: { width: 248, height: 351, dpi: 30 },
      images: { image, thumb: image, mime: 'image/png' },
      original: { fileName: 'Refusal Aigerim.png', kind: 'png', mime: 'image/png', data: image },
      print: { words: null, confidence: 90, script: 'Cyrillic', languages: ['rus'] },
    },
    vault.searchIndex,
  );
  const ok = async <C extends Channel>(channel: C, input: Input<C>) => {
    const answer = await call(channel, input);
    if (!answer.ok) throw new Error(`seeding ${channel} failed: ${answer.error.code} ${answer.error.message}`);
    return answer.value as never;
  };
  const person: { id: string } = await ok('persons:save', { name: 'Aigerim Sultanovna', variants: ['Айгерим'], role: 'client', protected: true });
  const other: { id: string } = await ok('persons:save', { name: 'Nurlan Zhumabekov', role: 'relative' });
  const caseDetail: { id: string } = await ok('cases:save', { title: 'Citizenship appeal' });
  const deadline: { id: number } = await ok('deadlines:add', { due: '2027-01-15', title: 'Appeal due', personId: person.id });
  const tag: { id: number } = await ok('tags:add', { docId, kind: 'type', value: 'refusal' });
  const suggested: { suggestions: Array<{ id: number }> } = await ok('tags:suggest', { docId });
  const bundle: { id: string } = await ok('bundles:save', {
    title: 'Appeal',
    caseId: caseDetail.id,
    personId: person.id,
    preparedBy: 'M. S.',
    stampPrefix: '',
    sections: [{ title: 'Decisions', entries: [{ docId, title: 'Refusal', date: null, description: '', translationDocIds: [] }] }],
    redaction: { protectedPersons: false, terms: [], boxes: [], waived: [] },
  });
  ids = {
    docId,
    personId: person.id,
    otherPersonId: other.id,
    caseId: caseDetail.id,
    bundleId: bundle.id,
    suggestionId: suggested.suggestions[0]?.id ?? 1,
    tagId: tag.id,
    deadlineId: deadline.id,
  };
}

/** Files the fuzz left where no path it sent lexically pointed: under the working directory, or in the jail outside `start`. */
function escapes(): string[] {
  return listFiles(dir.path).filter((file) => (within(file, join(dir.path, 'cwd')) || within(file, join(dir.path, 'jail'))) && !within(file, jail.start));
}

/** The safety net: our made-up names in the folders above the temp folder and the real working directory. */
function escapesAbove(): string[] {
  const tokens = new Set([MARK, '...', '%2e%2e', '..\\..', '..%2f..', 'sub', '~', 'file:', 'C:\\', '\\\\?\\']);
  const folders = new Set<string>();
  for (const start of [dir.path, jail.savedCwd]) {
    for (let folder = dirname(start); ; folder = dirname(folder)) {
      folders.add(folder);
      if (dirname(folder) === folder) break;
    }
  }
  folders.add(jail.savedCwd);
  const found: string[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    found.push(...names.filter((name) => name.startsWith(MARK) || tokens.has(name)).map((name) => join(folder, name)));
  }
  return found;
}

beforeAll(async () => {
  dir = tempDir('dalel-handlers-fuzz-');
  vaultPath = join(dir.path, 'vault');
  const deep = Array.from({ length: DEPTH }, (_, i) => String(i + 1));
  jail = { cwd: join(dir.path, 'cwd', ...deep), start: join(dir.path, 'jail', ...deep), savedCwd: process.cwd() };
  mkdirSync(jail.cwd, { recursive: true });
  mkdirSync(jail.start, { recursive: true });
  // Vitest runs this file in a forked process (pool: 'forks'), where the working directory can change.
  process.chdir(jail.cwd);
  services = createAppServices({
    configFile: join(dir.path, 'config', 'config.json'),
    defaultVaultPath: join(dir.path, 'Dalel Vault'),
    parserProcesses: nodeParserProcesses(),
    tessdataDir: defaultTessdataDir(),
    ocrWorkers: 1,
    kdf: TEST_KDF,
    logError: (context, error) => background.push(`${context}: ${String((error as Error)?.stack ?? error)}`),
  });
  let picked = 0;
  handlers = createHandlers(services, {
    // As the test host answers them: a fresh folder inside the temp folder, the suggested name's base.
    pickFolder: async () => join(dir.path, 'picked', String(++picked)),
    pickFiles: async () => [],
    pickSavePath: async (_purpose, suggestedName) => join(dir.path, 'saved', basename(suggestedName)),
    pickBackupFile: async () => null,
    copySecret: async () => undefined,
    openPath: async () => undefined,
    showInFolder: () => undefined,
  });
  expect((await call('vault:create', { path: vaultPath, passphrase: PASSPHRASE })).ok).toBe(true);
  await seed();
});

afterAll(async () => {
  if (jail) process.chdir(jail.savedCwd);
  if (process.env.FUZZ_STATS) console.info([...stats].map(([key, count]) => `${key}: ${count}`).join('\n'));
  await services?.imports.whenIdle().catch(() => undefined);
  await services?.dispose();
  dir?.remove();
});

describe('every channel through the handler table, with hostile input', () => {
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  it('covers every channel of the contract', () => {
    expect(Object.keys(templates()).sort()).toEqual([...CHANNELS].sort());
    expect(READERS).toEqual(expect.arrayContaining(['documents:list', 'persons:list', 'deadlines:list', 'search:query', 'bundles:list', 'cases:list']));
  });

  it.each(CHANNELS.map((channel) => [channel]))('%s', async (channel) => {
    const template = templates()[channel];
    // The template itself is a valid call: it must not be `internal` either.
    await call(channel, template);
    await restoreSession();
    await fc.assert(
      fc.asyncProperty(mutatedInput(template, PATH_CHANNELS.has(channel)), async (input) => {
        fc.pre(!PATH_CHANNELS.has(channel) || !realPathElsewhere(input, channel === 'vault:create'));
        await call(channel, input);
        if (VAULT_CHANNELS.has(channel)) await restoreSession();
      }),
      { numRuns: VAULT_CHANNELS.has(channel) ? VAULT_RUNS : RUNS, seed: fuzzSeed(), endOnFailure: true },
    );
    await restoreSession();
    // Whatever the fuzz got stored, everything can still be read: a type tag of any string once made
    // every documents:list answer internal, and the library showed nothing at all.
    for (const reader of READERS) await call(reader, templates()[reader]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('wrote nothing outside the temp folder', async () => {
    await services.imports.whenIdle();
    expect(escapes()).toEqual([]);
    expect(escapesAbove()).toEqual([]);
  });

  it('set off no unexpected error in background work (imports of the files it named)', async () => {
    await services.imports.whenIdle();
    expect(background).toEqual([]);
  });
});

/** What the fuzz found, each as the plain case that would have caught it. */
describe('what the handler fuzz found', () => {
  it('a deadline for a person who is not in the register is person-not-found, not internal (a foreign key)', async () => {
    expect(await call('deadlines:add', { due: '2027-01-15', title: 'Appeal due', personId: 'per_nobody' })).toMatchObject({ ok: false, error: { code: 'person-not-found' } });
  });

  it('a day that does not exist (2021-02-30, 9999-99-99) is refused as validation wherever a date is taken', async () => {
    for (const due of ['2021-02-30', '9999-99-99', '2021-13-45', '0000-00-00']) {
      expect(await call('deadlines:add', { due, title: 'Appeal due' })).toMatchObject({ ok: false, error: { code: 'validation' } });
      expect(await call('documents:list', { filters: { importedFrom: due } })).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(await call('deadlines:add', { due: '2028-02-29', title: 'Leap day' })).toMatchObject({ ok: true });
  });

  it('a setting sent as undefined (structured clone keeps the key) changes nothing', async () => {
    const before = await call('settings:get', {});
    expect(await call('settings:update', { autoLockMinutes: 12, language: undefined })).toEqual({ ok: true, value: { ...(before as { value: object }).value, autoLockMinutes: 12 } });
  });

  it('a vault path that is relative, holds `..` or a NUL is refused, and nothing is written for it', async () => {
    for (const path of ['relative vault', `./${MARK}`, `${jail.start}/../${MARK}`, `${jail.start}/sub/..\\${MARK}`, `${jail.start}/a\0b`]) {
      expect(await call('vault:create', { path, passphrase: PASSPHRASE }), path).toMatchObject({ ok: false, error: { code: 'validation' } });
      expect(await call('vault:unlock', { path, secret: { passphrase: PASSPHRASE } }), path).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(await call('documents:import', { paths: ['relative/scan.pdf'] })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(escapes()).toEqual([]);
    await restoreSession();
  });
});
