import { createFileParser, nodeParserProcesses } from '../../import/parse';
import { PrintReader } from '../../import/printReader';
import { createTesseractEngine, defaultTessdataDir } from '../../ocr';
import type { Vault } from '../../vault/vault';
import type { BundleServicePorts } from '../bundleService';

/**
 * The real parser processes, OCR engine and print reader a bundle export reads its pages and its
 * finished PDF with, for tests that drive BundleService directly. `close()` stops them all.
 */
export function bundleChecks(vault?: Vault): { checks: NonNullable<BundleServicePorts['checks']>; originals: NonNullable<BundleServicePorts['originals']>; close(): Promise<void> } {
  const parser = createFileParser({ processes: nodeParserProcesses(), concurrency: 2 });
  const ocr = createTesseractEngine({ tessdataDir: defaultTessdataDir() });
  const printReader = new PrintReader({ parser, ocr, importBusy: () => false });
  if (vault) printReader.attach(vault);
  return {
    checks: { parser, printReader },
    originals: parser,
    async close() {
      await printReader.detach();
      await Promise.allSettled([parser.close(), ocr.close()]);
    },
  };
}
