import type { Channel } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/errors';
import type { AppServices } from '../app/appServices';
import { backupHandlers } from '../backup/backupHandlers';
import { BackupService } from '../backup/backupService';
import { bundleHandlers, defaultFontsDir } from '../bundle/bundleHandlers';
import { checkTarget, GrantedPaths } from '../bundle/exportTargets';
import { DemoVault } from '../demo/demoVault';
import { defaultDemoDir } from '../demo/demoSet';
import { DocumentEditing } from '../documents/documentEditing';
import { DocumentStore } from '../documents/documentStore';
import { DalelFailure, failureFrom } from '../errors';
import { writeFileAtomic } from '../fsAtomic';
import { expandPaths } from '../import/expandPaths';
import { SearchService } from '../search/searchService';
import { CaseStore } from '../tagging/caseStore';
import { RegisterStore } from '../tagging/registerStore';
import { TagService } from '../tagging/tagService';
import type { VaultSession } from '../session/vaultSession';
import { RECOVERY_FILE_NAME, recoveryCodeFile } from '../vault/recoveryCodeFile';
import type { Vault } from '../vault/vault';
import type { Handlers, ShellPorts } from './handlerTable';
import { checkPathFromPage } from './pathFromPage';
import { DeadlineBook } from '../tagging/deadlineBook';
import { personPage } from '../tagging/personPage';
import { TagStore } from '../tagging/tagStore';

/**
 * The handler table: one function per contract channel. `electron/main` registers it with
 * `ipcMain.handle`, the loopback test host serves it over HTTP; both go through `dispatch`, so inputs
 * are validated and errors shaped in one place. Its type and the shell's ports are in handlerTable.ts.
 */
export type { Handlers, ShellPorts } from './handlerTable';

export function createHandlers(app: Pick<AppServices, 'session' | 'imports'> & Partial<Pick<AppServices, 'bundles' | 'printReader' | 'backups' | 'emit' | 'demo'>>, shell: ShellPorts): Handlers {
  const { session, imports } = app;
  const demo = app.demo ?? new DemoVault({ session, imports, demoDir: defaultDemoDir(), emit: app.emit });
  let ownBackups: BackupService | null = null;
  const backups = () => app.backups ?? (ownBackups ??= attachBackups(session));
  // Paths the save dialog returned in this session: the only places the window may export or back up to.
  const granted = new GrantedPaths();
  const documents = () => new DocumentStore(session.vault().db);
  // One search service per unlocked vault: it caches the index vocabulary for fuzzy matching.
  const searches = new WeakMap<Vault, SearchService>();
  const search = () => {
    const vault = session.vault();
    let service = searches.get(vault);
    if (!service) searches.set(vault, (service = new SearchService(vault.db, vault.searchIndex)));
    return service;
  };
  const register = () => RegisterStore.open(session.vault().db);
  const deadlines = () => new DeadlineBook(session.vault().db);
  const tagStore = () => new TagStore(session.vault().db);
  const tagging = () => {
    const vault = session.vault();
    return new TagService(vault.db, undefined, vault.lawRegister);
  };
  const notFound = () => new DalelFailure('document-not-found', 'This document is no longer in the vault.');
  /** Tell the window the register changed (an open document's suggestions are then asked for anew). */
  const registerChanged = <T>(value: T): T => {
    app.emit?.('register:changed', {});
    return value;
  };

  return {
    'vault:create': ({ path, passphrase }) => session.create(checkPathFromPage(path, 'vault folder'), passphrase),
    'vault:unlock': ({ path, secret, acknowledgeRollback }) => session.unlock(checkPathFromPage(path, 'vault folder'), secret, { acknowledgeRollback }),
    // The page names no folder: the demo vault's is the core's to choose (beside the default vault's).
    'vault:openDemo': ({ language }) => demo.open(language),
    'vault:lock': () => session.lock('user'),
    'vault:status': () => session.status(),
    'vault:changePassphrase': ({ current, next }) => session.changePassphrase(current, next),
    'vault:verify': (input) => session.verify({ deep: input?.deep === true }),
    'settings:get': () => session.settings(),
    'settings:update': (change) => session.updateSettings(change),
    'session:activity': () => {
      session.activity();
      return null;
    },
    'dialog:pickFolder': async ({ purpose }) => ({ path: await shell.pickFolder(purpose) }),
    'dialog:pickFiles': async () => ({ paths: await shell.pickFiles() }),
    'clipboard:copyRecoveryCode': async ({ code }) => {
      if (!shell.copySecret) throw new DalelFailure('internal', 'There is no clipboard here. Select the code and copy it, or write it down.');
      await shell.copySecret(code);
      return null;
    },
    'recovery:saveCode': async ({ code, language }) => {
      const chosen = await shell.pickSavePath('recovery-code', RECOVERY_FILE_NAME[language]);
      if (!chosen) return { path: null };
      const vaultDir = session.status().path;
      // the dialog asked before replacing a file; never the vault's folder, where the code would sit beside what it opens
      const target = vaultDir ? checkTarget(chosen, 'recovery code', { vaultDir, overwrite: true }) : chosen;
      writeFileAtomic(target, recoveryCodeFile(code, language));
      return { path: target };
    },
    'documents:import': async ({ paths, languages }) => {
      session.vault();
      const files = await expandPaths(paths.map((path) => checkPathFromPage(path, 'file or folder')));
      return { batchId: imports.startImport(files, { languages }).batchId };
    },
    'documents:importFiles': ({ files, languages }) => {
      session.vault();
      return { batchId: imports.startImport(files, { languages }).batchId };
    },
    'documents:cancelImport': async ({ batchId }) => ({ cancelled: await imports.cancel(batchId) }),
    'documents:retryImport': ({ batchId, file, password }) => {
      session.vault();
      return imports.retryWithPassword(batchId, file, password).done;
    },
    'documents:list': ({ filters }) => documents().list(filters),
    'documents:get': ({ docId }) => {
      const store = documents();
      const document = store.get(docId);
      if (!document) throw notFound();
      return { document, pages: store.pages(docId) };
    },
    'documents:pageImage': ({ docId, page, variant }) => {
      const image = documents().pageImage(docId, page, variant);
      if (!image) throw notFound();
      return { mime: image.mime, data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength) };
    },
    'documents:rerunOcr': ({ docId, languages }) => {
      if (!documents().get(docId)) throw notFound();
      const pages = imports.rerunOcr(docId, languages);
      app.printReader?.wake();
      return { pages };
    },
    'documents:edit': ({ docId, ...changes }) => {
      const edited = new DocumentEditing(session.vault().db).edit(docId, changes);
      app.emit?.('documents:changed', { docId });
      return edited;
    },
    'documents:delete': ({ docIds }) => {
      const result = new DocumentEditing(session.vault().db).delete(docIds);
      for (const docId of new Set(docIds)) app.emit?.('documents:changed', { docId });
      return result;
    },
    'documents:confirmReading': ({ docId, page }) => {
      const vault = session.vault();
      const store = new DocumentStore(vault.db);
      if (!store.get(docId)) throw notFound();
      vault.db.transaction(() => {
        if (!store.confirmReading(docId, page, new Date())) throw new DalelFailure('validation', `Page ${page} of this document has not been read.`).because('page-not-read', { page });
        vault.audit({ action: 'document.reading-confirmed', subject: docId, details: { page } });
      })();
      return null;
    },
    'search:query': (request) => search().search(request),
    'search:documentMatches': ({ docId, query }) => {
      if (!documents().get(docId)) throw notFound();
      return search().documentMatches(docId, query);
    },
    'persons:list': () => register().listPersons(),
    'persons:get': ({ personId }) => personPage(session.vault().db, personId, search()),
    'persons:save': (person) => registerChanged(register().savePerson(person)),
    'persons:addVariant': ({ personId, variant }) => registerChanged(register().addVariant(personId, variant)),
    'persons:removeVariant': ({ personId, variant }) => registerChanged(register().removeVariant(personId, variant)),
    'persons:merge': ({ keepId, goneId }) => registerChanged(register().mergePersons(keepId, goneId)),
    'persons:addRelation': ({ subject, type, object }) => {
      register().addRelation(subject, type, object);
      return null;
    },
    'laws:list': () => register().listLaws(),
    'laws:save': (law) => registerChanged(register().saveLaw(law, session.vault().searchIndex)),
    'tags:forDocument': ({ docId }) => {
      if (!documents().get(docId)) throw notFound();
      const service = tagging();
      return { suggestions: service.currentSuggestions(docId), tags: tagStore().tags(docId) };
    },
    'tags:suggest': ({ docId }) => {
      const service = tagging();
      return { suggestions: service.suggest(docId), tags: tagStore().tags(docId) };
    },
    // Naming an unknown name adds a person or a spelling: other documents may now suggest them.
    'tags:accept': ({ suggestionId, personId, newPerson }) => {
      const tag = tagging().accept(suggestionId, { personId, newPerson });
      return personId || newPerson ? registerChanged(tag) : tag;
    },
    'tags:reject': ({ suggestionId }) => {
      tagging().reject(suggestionId);
      return null;
    },
    'tags:add': ({ docId, kind, value }) => tagStore().addTag(docId, kind, value),
    'tags:addPerson': ({ personId, docIds }) => tagStore().tagPerson(personId, docIds),
    'tags:remove': ({ tagId }) => {
      tagStore().removeTag(tagId);
      return null;
    },
    'deadlines:list': ({ days, includeDone }) => deadlines().deadlines({ days, includeDone }),
    'deadlines:add': (input) => deadlines().addDeadline(input),
    'deadlines:setDone': ({ id, done }) => {
      deadlines().setDeadlineDone(id, done);
      return null;
    },
    'cases:list': () => new CaseStore(session.vault().db).list(),
    'cases:get': ({ caseId }) => new CaseStore(session.vault().db).get(caseId),
    'cases:save': (input) => new CaseStore(session.vault().db).save(input),
    'cases:setMember': ({ caseId, personId, docId, inCase }) => new CaseStore(session.vault().db).setMember(caseId, { personId, docId }, inCase),
    'cases:forMember': ({ personId, docId }) => new CaseStore(session.vault().db).casesOf({ personId, docId }),
    ...bundleHandlers({ session, search, ports: app.bundles ?? { fontsDir: defaultFontsDir() }, shell, granted }),
    ...backupHandlers({ session, backups, granted, shell }),
  };
}

/** A backup service for a handler table built without the app's services (tools, tests). */
function attachBackups(session: VaultSession): BackupService {
  const backups = new BackupService({ session });
  session.addLifecycle(backups);
  return backups;
}

export interface DispatchOptions {
  /** Where unexpected errors go (never to the renderer, which gets a plain `internal` error). */
  logError?: (channel: Channel, error: unknown) => void;
}

/** Validate, run, and wrap the result in the envelope. Never throws. */
export async function dispatch(
  handlers: Handlers,
  channel: Channel,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  const schema = contract[channel];
  const parsed = schema.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'validation',
        message: 'The request was not understood.',
        reason: 'request-not-understood',
        details: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`),
      },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(withoutUndefined(parsed.data));
    return { ok: true, value: schema.output.parse(value) };
  } catch (error) {
    // A full disk, read-only media, a damaged page or a busy vault has a code of its own (errors.ts).
    const failure = failureFrom(error);
    if (failure) return { ok: false, error: failure.toError() };
    options.logError?.(channel, error);
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Dalel. Nothing was changed; please try again.' },
    };
  }
}

/**
 * A field sent as `undefined` means the same as a field left out. Structured clone keeps such keys (JSON
 * drops them), and a handler that spreads its input over stored values (`{ ...settings, ...change }`)
 * would otherwise store the `undefined` — found by the handler fuzz (settings:update answered `internal`).
 * Only plain objects and arrays of validated input are walked.
 */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // defineProperty: an own `__proto__` key stays a key and never becomes the copy's prototype.
    if (item !== undefined) Object.defineProperty(out, key, { value: withoutUndefined(item), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
