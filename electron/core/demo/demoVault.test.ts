import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/errors';
import { createAppServices, type AppServices } from '../app/appServices';
import { nodeParserProcesses } from '../import/parse';
import { createHandlers, dispatch, type Handlers } from '../ipc/handlers';
import { defaultTessdataDir } from '../ocr';
import { TEST_KDF, tempDir } from '../testing/fixtures';
import { isDemoVault } from './demoMark';
import { defaultDemoDir, loadDemoSet } from './demoSet';

/**
 * "Try Dalel with sample documents" end to end under Node, through the handler table: the demo vault is
 * made from resources/demo by the real import (parser processes, OCR of the scan), with its persons,
 * case and tags, so that search finds the client in every script and a bundle of the case redacts his
 * protected mother at once. About ten seconds here (the certificate's OCR).
 */
describe('the demo vault, made from the shipped sample set', () => {
  const dir = tempDir();
  const set = loadDemoSet(defaultDemoDir());
  let services: AppServices;
  let handlers: Handlers;
  const call = async <C extends Parameters<typeof dispatch>[1]>(channel: C, input: unknown): Promise<Result<unknown>> => dispatch(handlers, channel, input);
  const value = async <T>(channel: Parameters<typeof dispatch>[1], input: unknown): Promise<T> => {
    const answer = await call(channel, input);
    if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
    return answer.value as T;
  };
  let opened: Output<'vault:openDemo'>;

  beforeAll(async () => {
    services = createAppServices({
      configFile: join(dir.path, 'config', 'config.json'),
      defaultVaultPath: join(dir.path, 'Documents', 'Dalel Vault'),
      parserProcesses: nodeParserProcesses(),
      tessdataDir: defaultTessdataDir(),
      ocrWorkers: 1,
      kdf: TEST_KDF,
      logError: (context, error) => console.error(context, error),
    });
    handlers = createHandlers(services, { pickFolder: async () => null, pickFiles: async () => [], pickSavePath: async () => null });
    opened = await value<Output<'vault:openDemo'>>('vault:openDemo', { language: 'kk' });
    await services.imports.whenIdle();
  }, 240_000);
  afterAll(async () => {
    await services?.dispose();
    dir.remove();
  });

  it('is a new vault in the demo folder, marked as the demo, holding the sample documents, read', async () => {
    expect(opened.created).toBe(true);
    expect(opened.status).toMatchObject({ state: 'unlocked', path: join(dir.path, 'Documents', 'Dalel Demo Vault'), demo: true });
    // One import for each set of OCR languages in demo.json.
    expect(opened.batchIds).toHaveLength(new Set(set.documents.map((document) => document.languages.join('+'))).size);
    expect(isDemoVault(services.session.vault().db)).toBe(true);
    const documents = await value<Output<'documents:list'>>('documents:list', {});
    expect(documents.map((document) => document.sha256).sort()).toEqual(set.documents.map((document) => document.sha256).sort());
    expect(documents.every((document) => document.status === 'ready')).toBe(true);
  });

  it('registers the client and his protected mother, named in the language asked for, and the case with its documents', async () => {
    const persons = await value<Output<'persons:list'>>('persons:list', {});
    expect(persons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'demo-client', name: 'Нұрлан Асқарұлы', role: 'client', protected: false }),
        expect.objectContaining({ id: 'demo-mother', name: 'Күләш Мұхаметқызы', role: 'relative', protected: true }),
      ]),
    );
    const cases = await value<Output<'cases:list'>>('cases:list', {});
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ title: set.case.title.kk, persons: 2, documents: set.documents.filter((document) => document.inCase).length });
    // Tagged by Dalel, so that filtering by the client finds his documents at once.
    const his = await value<Output<'documents:list'>>('documents:list', { filters: { personId: 'demo-client' } });
    expect(his.map((document) => document.fileName).sort()).toEqual(set.documents.filter((document) => document.persons.includes('demo-client')).map((document) => document.file).sort());
  });

  it('finds the client by name in Latin and Cyrillic, on the text layers and on the scan read by OCR', async () => {
    for (const query of ['Askaruly', 'Асқарұлы']) {
      const result = await value<Output<'search:query'>>('search:query', { query });
      const files = new Set(result.hits.map((hit) => hit.fileName));
      expect(files.has('appeal_draft_Askaruly_v2.pdf'), query).toBe(true);
      expect(files.has('cert_nurlan.jpg'), query).toBe(true);
    }
  });

  it('plans a bundle of the case that redacts the protected mother on her pages', async () => {
    const caseId = (await value<Output<'cases:list'>>('cases:list', {}))[0]!.id;
    const sections = await value<Output<'bundles:propose'>>('bundles:propose', { caseId, language: 'kk' });
    const bundle = await value<Output<'bundles:save'>>('bundles:save', {
      title: 'Demo',
      caseId,
      personId: 'demo-client',
      preparedBy: '',
      stampPrefix: '',
      sections,
      redaction: { protectedPersons: true, terms: [], boxes: [], waived: [] },
    });
    const plan = await value<Output<'bundles:plan'>>('bundles:plan', { bundleId: bundle.id });
    expect(plan.documents).toHaveLength(set.documents.filter((document) => document.inCase).length);
    const redacted = new Set(plan.redactions.filter((redaction) => redaction.reason === 'protected-person').map((redaction) => plan.documents.find((document) => document.docId === redaction.docId)?.title));
    expect(redacted.size).toBeGreaterThanOrEqual(2);
    expect(plan.unchecked).toEqual([]);
  });

  it('refuses an import, and opens again as it was: nothing duplicated, a missing sample put back', async () => {
    expect(await call('documents:importFiles', { files: [{ name: 'real.jpg', data: new Uint8Array(set.documents[0]!.data) }] })).toMatchObject({ ok: false, error: { code: 'demo-vault' } });
    const docs = await value<Output<'documents:list'>>('documents:list', {});
    const gone = docs.find((document) => document.fileName === 'shagym_Toktarkyzy.pdf')!;
    await value('documents:delete', { docIds: [gone.id] });
    await value('vault:lock', {});
    expect(services.session.status()).toMatchObject({ state: 'no-vault' });

    // Two clicks at once are one opening.
    const [again, twice] = await Promise.all([value<Output<'vault:openDemo'>>('vault:openDemo', { language: 'en' }), value<Output<'vault:openDemo'>>('vault:openDemo', { language: 'en' })]);
    expect(again).toMatchObject({ created: false, status: { demo: true } });
    expect(again.batchIds).toHaveLength(1);
    expect(twice).toEqual(again);
    await services.imports.whenIdle();
    const after = await value<Output<'documents:list'>>('documents:list', {});
    expect(after).toHaveLength(set.documents.length);
    expect(await value<Output<'persons:list'>>('persons:list', {})).toHaveLength(set.persons.length);
    expect(await value<Output<'cases:list'>>('cases:list', {})).toHaveLength(1);
  });
});
