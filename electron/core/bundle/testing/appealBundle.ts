import type { VaultDatabase } from '../../vault/database';
import { BundleStore } from '../bundleStore';

/** The tests' usual bundle: one section of these documents, the protected persons redacted; returns its id. */
export function saveAppealBundle(db: VaultDatabase, docIds: readonly string[], entryTitle: string, now: Date): string {
  const entries = docIds.map((docId) => ({ docId, title: entryTitle, date: '2021-04-02', description: '', translationDocIds: [] }));
  return new BundleStore(db, () => now).save({
    title: 'Appeal',
    caseId: null,
    personId: null,
    preparedBy: 'M. Seitkaliyeva',
    stampPrefix: '',
    sections: [{ title: 'Decisions', entries }],
    redaction: { protectedPersons: true, terms: [], boxes: [], waived: [] },
  }).id;
}
