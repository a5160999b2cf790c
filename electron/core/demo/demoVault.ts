import type { EventName } from '../../../shared/ipc/channels';
import type { EventPayload } from '../../../shared/ipc/contract';
import type { VaultStatus } from '../../../shared/schemas/vault';
import { DocumentStore } from '../documents/documentStore';
import { DalelFailure } from '../errors';
import type { ImportService } from '../import/importService';
import type { VaultSession } from '../session/vaultSession';
import { CaseStore } from '../tagging/caseStore';
import { RegisterStore } from '../tagging/registerStore';
import { TagStore } from '../tagging/tagStore';
import type { Vault } from '../vault/vault';
import { loadDemoSet, type DemoDocument, type DemoSet } from './demoSet';

export type DemoLanguage = 'en' | 'ru' | 'kk';
export interface DemoOpened {
  created: boolean;
  status: VaultStatus;
  /** the imports of the samples the vault lacked (none when it had them all) */
  batchIds: string[];
}

export interface DemoVaultPorts {
  session: VaultSession;
  imports: ImportService;
  /** resources/demo: the sample set (demoSet.ts) */
  demoDir: string;
  clock?: () => Date;
  /** Tell the window what changed (the register, a document's tags), as the handler table does. */
  emit?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
}

/** vault_meta row: the sample case's id, so it is completed, not opened twice, when the demo is opened again. */
const DEMO_CASE_KEY = 'demo.caseId';
/** Who tagged the samples, as the viewer says it ("added by Dalel"): not the lawyer. */
const DEMO_ACTOR = 'Dalel';

/**
 * "Try Dalel with sample documents": the demo vault, opened (or created) by the session in its own folder
 * and furnished here with the sample set — the fictional persons and case, the documents through the
 * ordinary import (parser processes, OCR, progress events), their tags and case membership. Every step
 * only adds what is missing, so opening the demo again completes one a crash or a lock interrupted, and
 * leaves a whole one as the newcomer left it.
 */
export class DemoVault {
  /** An opening under way: a second click joins it, so the samples are never imported twice at once. */
  private opening: Promise<DemoOpened> | null = null;

  constructor(private readonly ports: DemoVaultPorts) {}

  /** Answers once the sample files are stored; their pages are read afterwards (`batchIds`' progress). */
  open(language: DemoLanguage): Promise<DemoOpened> {
    this.opening ??= this.openOnce(language).finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private async openOnce(language: DemoLanguage): Promise<DemoOpened> {
    // Read and checked before anything is written: a damaged set never leaves an empty demo vault behind.
    const set = loadDemoSet(this.ports.demoDir);
    const { session } = this.ports;
    const { created } = await session.openDemo();
    try {
      const batchIds = await this.furnish(session.vault(), set, language);
      return { created, status: session.status(), batchIds };
    } catch (error) {
      // Not shown half-furnished: locked, and "Try" again completes it.
      await session.lock('user');
      throw error;
    }
  }

  private async furnish(vault: Vault, set: DemoSet, language: DemoLanguage): Promise<string[]> {
    const clock = this.ports.clock ?? (() => new Date());
    const register = RegisterStore.open(vault.db, clock);
    const missingPersons = set.persons.filter((person) => !register.getPerson(person.id));
    if (missingPersons.length > 0) {
      register.importPersons(
        missingPersons.map((person) => ({
          id: person.id,
          name: person.name[language],
          variants: person.variants,
          role: person.role,
          dateOfBirth: person.dateOfBirth,
          notes: person.notes[language],
          protected: person.protected,
          relations: person.relations,
        })),
      );
      this.ports.emit?.('register:changed', {});
    }
    const caseId = this.sampleCase(vault, set, language, clock);

    const batches = await this.importMissing(vault, set.documents);
    const store = new DocumentStore(vault.db);
    const docIds = new Map<DemoDocument, string>();
    for (const document of set.documents) {
      const docId = store.findIdBySha(document.sha256);
      if (!docId) {
        const refused = batches.rejected.get(document.file);
        throw new DalelFailure('internal', `The sample document ${document.file} could not be imported${refused ? ` (${refused})` : ''}.`);
      }
      docIds.set(document, docId);
    }

    const tagging = new TagStore(vault.db, clock);
    for (const person of set.persons) {
      const tagged = set.documents.filter((document) => document.persons.includes(person.id)).map((document) => docIds.get(document)!);
      if (tagged.length === 0) continue;
      for (const tag of tagging.tagPerson(person.id, tagged, DEMO_ACTOR).added) this.ports.emit?.('tags:changed', { docId: tag.docId });
    }
    const cases = new CaseStore(vault.db, clock);
    for (const personId of set.case.persons) cases.setMember(caseId, { personId }, true);
    for (const document of set.documents) if (document.inCase) cases.setMember(caseId, { docId: docIds.get(document)! }, true);
    return batches.ids;
  }

  /** The sample case: the one made before, or a new one (named in `language`), remembered in vault_meta. */
  private sampleCase(vault: Vault, set: DemoSet, language: DemoLanguage, clock: () => Date): string {
    const cases = new CaseStore(vault.db, clock);
    const known = vault.db.prepare('SELECT value FROM vault_meta WHERE key = ?').pluck().get(DEMO_CASE_KEY) as string | undefined;
    if (known && cases.list().some((item) => item.id === known)) return known;
    const opened = cases.save({ title: set.case.title[language], notes: set.case.notes[language] });
    vault.db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(DEMO_CASE_KEY, opened.id);
    return opened.id;
  }

  /**
   * Import the samples the vault lacks, one batch per set of OCR languages (the memo's Chinese names are
   * read with Chinese, the certificate with Kazakh and Russian), and wait until their files are stored.
   */
  private async importMissing(vault: Vault, documents: readonly DemoDocument[]): Promise<{ ids: string[]; rejected: Map<string, string> }> {
    const store = new DocumentStore(vault.db);
    const groups = new Map<string, DemoDocument[]>();
    for (const document of documents) {
      if (store.findIdBySha(document.sha256)) continue;
      const key = document.languages.join('+');
      groups.set(key, [...(groups.get(key) ?? []), document]);
    }
    const started = [...groups.values()].map((group) =>
      this.ports.imports.startImport(
        group.map((document) => ({ name: document.file, data: document.data })),
        { languages: group[0]!.languages, demoSamples: true },
      ),
    );
    const rejected = new Map<string, string>();
    for (const progress of await Promise.all(started.map((batch) => batch.done))) {
      for (const file of progress.files) if (file.error) rejected.set(file.file, file.error.code);
    }
    return { ids: started.map((batch) => batch.batchId), rejected };
  }
}
