/**
 * The contract's bundle channels (and translations, and the save dialog), for the handler table in
 * electron/core/ipc/handlers.ts.
 */
import { resolve } from 'node:path';
import type { BundleExportProgress } from '../../../shared/domain/bundle';
import type { Handlers } from '../ipc/handlers';
import type { SearchService } from '../search/searchService';
import type { VaultSession } from '../session/vaultSession';
import { proposeSections } from './bundleProposal';
import { BundleService, RunningExports } from './bundleService';
import { BundleStore } from './bundleStore';

/** What bundles need from the app: where the fonts are, how to render a preview, where progress goes. */
export interface BundlePorts {
  fontsDir: string;
  renderPdfPage?(pdf: Uint8Array, page: number): Promise<{ mime: string; data: Uint8Array }>;
  onProgress?(progress: BundleExportProgress): void;
}

/** resources/fonts in this repository (Node tools and tests; the app passes its packaged copy). */
export function defaultFontsDir(): string {
  return resolve(__dirname, '../../../resources/fonts');
}

type BundleChannel =
  | 'dialog:pickSavePath'
  | 'documents:translations'
  | 'documents:attachTranslation'
  | 'bundles:list'
  | 'bundles:get'
  | 'bundles:save'
  | 'bundles:delete'
  | 'bundles:propose'
  | 'bundles:plan'
  | 'bundles:previewPage'
  | 'bundles:export'
  | 'bundles:cancelExport';

export function bundleHandlers(deps: {
  session: VaultSession;
  search: () => SearchService;
  ports: BundlePorts;
  pickSavePath(purpose: 'bundle-pdf' | 'bundle-zip', suggestedName: string): Promise<string | null>;
}): Pick<Handlers, BundleChannel> {
  const { session, ports } = deps;
  const running = new RunningExports();
  const store = () => new BundleStore(session.vault().db);
  const service = () => new BundleService(session.vault().db, { ...ports, running });
  return {
    'dialog:pickSavePath': async ({ purpose, suggestedName }) => ({ path: await deps.pickSavePath(purpose, suggestedName) }),
    'documents:translations': ({ docId }) => store().translations(docId),
    'documents:attachTranslation': ({ docId, translationDocId, attached }) => store().setTranslation(docId, translationDocId, attached),
    'bundles:list': () => store().list(),
    'bundles:get': ({ bundleId }) => store().require(bundleId),
    'bundles:save': (input) => store().save(input),
    'bundles:delete': ({ bundleId }) => {
      store().delete(bundleId);
      return null;
    },
    'bundles:propose': (input) => {
      const db = session.vault().db;
      const source = input.docIds
        ? { docIds: input.docIds }
        : input.personId
          ? { personId: input.personId }
          : input.caseId
            ? { caseId: input.caseId }
            : { query: input.query ?? '' };
      return proposeSections(db, source, deps.search);
    },
    'bundles:plan': ({ bundleId }) => service().plan(bundleId),
    'bundles:previewPage': ({ bundleId, page }) => service().previewPage(bundleId, page),
    'bundles:export': ({ bundleId, path, zip }) => service().export(bundleId, { path, zip }),
    'bundles:cancelExport': ({ bundleId }) => ({ cancelled: running.cancel(bundleId) }),
  };
}
