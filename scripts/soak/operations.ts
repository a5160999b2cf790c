import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { BACKUP_EXTENSION } from '../../electron/core/backup/backupFile';
import { CORPUS_DIR } from '../../electron/core/testing/corpusDir';
import { DATABASE_FILE, NEXT_SUFFIX } from '../../electron/core/vault/vaultFiles';

/**
 * The operations the soak kills, each as the `dalel` command a lawyer (or a script) would run. Each
 * writes in its own places: the vault folder, and for export and backup a target folder of its own whose
 * file name stays the same from run to run — a killed run's temp files there are for the next run to the
 * same name to remove (fsAtomic.ts), which is what the soak checks.
 */
export const OPERATIONS = ['import', 'reindex', 'export', 'backup', 'rotate-key'] as const;
export type OperationName = (typeof OPERATIONS)[number];

/**
 * Small one-page scans with no text layer, so every import runs the real OCR and an iteration stays
 * short (~3 s of OCR each on the 2-core machine, measured with `dalel import`).
 */
export const SCANS = ['fax_20210522.png', 'scan_0012.jpg', 'cert_nurlan.jpg'];

export interface SoakPlaces {
  vaultDir: string;
  /** copies of the scans, made different from each other so that each import stores a new document */
  scansDir: string;
  exportDir: string;
  backupDir: string;
}

export const passphraseOf = (generation: number) => `soak passphrase, generation ${generation}`;

/** What one run is given: its arguments and secrets, and the state it starts from. */
export interface RunInput {
  iteration: number;
  generation: number;
  /** ids of the documents whose pages are all read, for the bundle */
  readyDocs: string[];
  random: () => number;
}

export interface Operation {
  name: OperationName;
  args(places: SoakPlaces, input: RunInput): string[];
  secrets(input: RunInput): Record<string, string>;
  /** the final file names it writes outside the vault folder (in `targetDir`) */
  targetDir?(places: SoakPlaces): string;
  finalNames?: string[];
  /** whether it is at its file work now (temp files at the target, a rotation's prepared database) */
  atFileWork?(places: SoakPlaces): boolean;
}

const unlockWith = (input: RunInput) => ({ DALEL_PASSPHRASE: passphraseOf(input.generation) });
const hasTemp = (dir: string) => readdirSync(dir).some((name) => /\.tmp-\d+/.test(name));

export const BUNDLE_FILE = 'bundle.pdf';
export const MANIFEST_FILE = 'bundle.manifest.json';
export const BACKUP_FILE = `vault${BACKUP_EXTENSION}`;

export const operations: Record<OperationName, Operation> = {
  import: {
    name: 'import',
    args: (places, input) => ['import', places.vaultDir, scanVariant(places.scansDir, SCANS[Math.floor(input.random() * SCANS.length)]!, input.iteration)],
    secrets: unlockWith,
  },
  reindex: {
    name: 'reindex',
    args: (places) => ['reindex', places.vaultDir],
    secrets: unlockWith,
  },
  export: {
    name: 'export',
    args: (places, input) => {
      // One to three documents; --force because the name stays the same (a lawyer exporting the bundle
      // again), --confirm-unchecked because a killed import may have left pages not yet read.
      const docs = shuffled(input.readyDocs, input.random).slice(0, 1 + Math.floor(input.random() * 3));
      return ['export', places.vaultDir, '--docs', docs.join(','), '-o', join(places.exportDir, BUNDLE_FILE), '--force', '--confirm-unchecked'];
    },
    secrets: unlockWith,
    targetDir: (places) => places.exportDir,
    finalNames: [BUNDLE_FILE, MANIFEST_FILE],
    atFileWork: (places) => hasTemp(places.exportDir),
  },
  backup: {
    name: 'backup',
    args: (places) => ['backup', places.vaultDir, join(places.backupDir, BACKUP_FILE)],
    secrets: unlockWith,
    targetDir: (places) => places.backupDir,
    finalNames: [BACKUP_FILE],
    atFileWork: (places) => hasTemp(places.backupDir),
  },
  'rotate-key': {
    name: 'rotate-key',
    args: (places) => ['passwd', places.vaultDir, '--rotate-key'],
    secrets: (input) => ({ DALEL_PASSPHRASE: passphraseOf(input.generation), DALEL_NEW_PASSPHRASE: passphraseOf(input.generation + 1) }),
    atFileWork: (places) => readdirSync(places.vaultDir).includes(`${DATABASE_FILE}${NEXT_SUFFIX}`),
  },
};

/** Fisher–Yates with the soak's seeded generator. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let index = out.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [out[index], out[other]] = [out[other]!, out[index]!];
  }
  return out;
}

/**
 * A copy of a corpus scan with a comment naming the iteration (a JPEG COM segment, a PNG tEXt chunk):
 * the same pixels, so the same OCR work, but another SHA-256, so the import stores a new document
 * instead of reporting a duplicate.
 */
export function scanVariant(scansDir: string, scan: string, iteration: number): string {
  const bytes = readFileSync(join(CORPUS_DIR, scan));
  const note = Buffer.from(`dalel soak, iteration ${iteration}`, 'latin1');
  let variant: Buffer;
  if (extname(scan) === '.png') {
    const data = Buffer.concat([Buffer.from('Comment\0', 'latin1'), note]);
    const type = Buffer.from('tEXt', 'latin1');
    const chunk = Buffer.alloc(12 + data.length);
    chunk.writeUInt32BE(data.length, 0);
    type.copy(chunk, 4);
    data.copy(chunk, 8);
    chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length);
    const afterHeader = 8 + 25; // signature, then the IHDR chunk (13 bytes of data + 12)
    variant = Buffer.concat([bytes.subarray(0, afterHeader), chunk, bytes.subarray(afterHeader)]);
  } else {
    const segment = Buffer.alloc(4 + note.length);
    segment.writeUInt16BE(0xfffe, 0);
    segment.writeUInt16BE(2 + note.length, 2);
    note.copy(segment, 4);
    variant = Buffer.concat([bytes.subarray(0, 2), segment, bytes.subarray(2)]);
  }
  const file = join(scansDir, `${basename(scan, extname(scan))}-${iteration}${extname(scan)}`);
  writeFileSync(file, variant);
  return file;
}
