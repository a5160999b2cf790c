#!/usr/bin/env node
/**
 * Fills resources/tessdata with the OCR language data Dalel ships and loads from disk at run time:
 * rus, kaz, eng, chi_sim, uig (tessdata_fast LSTM models) and osd.
 *
 * Why these files (resources/README.md, "Language data"): Russian exists only as Debian's
 * tesseract-ocr-rus, which is tessdata_fast; the fast models of the other languages read the corpus as
 * well as or better than @tesseract.js-data's 4.0.0_best_int (Chinese markedly better) and run faster,
 * and one model family keeps the per-word confidences that pick between languages comparable.
 * Every file is pinned by SHA-256: the accuracy bounds in the OCR tests were measured on exactly these.
 *
 * Sources, first that has the file: resources/tessdata itself (the language files are committed), the
 * @tesseract.js-data package in node_modules (osd), the system's tessdata folders, and Debian's package
 * fetched with `apt-get download` and unpacked with `dpkg-deb -x` into a temporary folder (no root).
 * Idempotent; when everything is in place it only compares sizes and modification times.
 *
 *   node scripts/language-data.mjs           fill and verify
 *   node scripts/language-data.mjs --check   verify only; exit 1 when something is missing
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'resources', 'tessdata');
const stampFile = join(target, '.verified.json');

/** Debian bookworm tesseract-lang 1:4.1.0-2 (tessdata_fast 4.1.0) and tesseract-ocr-osd. */
const FILES = {
  rus: { deb: 'tesseract-ocr-rus', sha256: 'e16e5e036cce1d9ec2b00063cf8b54472625b9e14d893a169e2b0dedeb4df225' },
  kaz: { deb: 'tesseract-ocr-kaz', sha256: 'fcc01eed3815a42b9c6321c4c9d3606f39b166cbf95ade98b7d8d12063eae53d' },
  eng: { deb: 'tesseract-ocr-eng', sha256: '7d4322bd2a7749724879683fc3912cb542f19906c83bcc1a52132556427170b2' },
  chi_sim: { deb: 'tesseract-ocr-chi-sim', sha256: 'a5fcb6f0db1e1d6d8522f39db4e848f05984669172e584e8d76b6b3141e1f730' },
  uig: { deb: 'tesseract-ocr-uig', sha256: '163b360268c39fc69e0c0dc9299c06dfe7a6c51ef8f33766da75022217b69b22' },
  // The osd model in @tesseract.js-data/osd is byte-identical to Debian's.
  osd: {
    deb: 'tesseract-ocr-osd',
    npm: '@tesseract.js-data/osd/4.0.0_best_int/osd.traineddata.gz',
    sha256: '9cf5d576fcc47564f11265841e5ca839001e7e6f38ff7f7aacf46d15a96b00ff',
  },
};

const SYSTEM_DIRS = [
  process.env.TESSDATA_PREFIX,
  '/usr/share/tesseract-ocr/5/tessdata',
  '/usr/share/tesseract-ocr/4.00/tessdata',
  '/usr/share/tessdata',
].filter(Boolean);

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const fingerprint = (path) => {
  const { size, mtimeMs } = statSync(path);
  return `${size}:${mtimeMs}`;
};

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return {};
  }
}

function fromNpm(spec) {
  const path = join(root, 'node_modules', spec);
  if (!existsSync(path)) return undefined;
  const bytes = readFileSync(path);
  return spec.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

function fromSystem(language) {
  for (const dir of SYSTEM_DIRS) {
    const path = join(dir, `${language}.traineddata`);
    if (existsSync(path)) return readFileSync(path);
  }
  return undefined;
}

function fromDebian(pkg, language) {
  const work = mkdtempSync(join(tmpdir(), 'dalel-tessdata-'));
  try {
    execFileSync('apt-get', ['download', pkg], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
    const deb = readdirSync(work).find((name) => name.endsWith('.deb'));
    if (!deb) return undefined;
    execFileSync('dpkg-deb', ['-x', deb, 'x'], { cwd: work });
    const dir = join(work, 'x', 'usr', 'share', 'tesseract-ocr');
    for (const version of existsSync(dir) ? readdirSync(dir) : []) {
      const path = join(dir, version, 'tessdata', `${language}.traineddata`);
      if (existsSync(path)) return readFileSync(path);
    }
    return undefined;
  } catch (error) {
    console.warn(`language-data: apt-get download ${pkg} failed: ${String(error.stderr ?? error.message).trim()}`);
    return undefined;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const checkOnly = process.argv.includes('--check');
  mkdirSync(target, { recursive: true });
  const stamp = readStamp();
  const nextStamp = {};
  const problems = [];
  for (const [language, spec] of Object.entries(FILES)) {
    const dest = join(target, `${language}.traineddata`);
    if (existsSync(dest)) {
      const print = fingerprint(dest);
      if (stamp[language] === print || sha256(readFileSync(dest)) === spec.sha256) {
        nextStamp[language] = print;
        continue;
      }
      if (checkOnly) {
        problems.push(`${language}.traineddata is not the pinned file`);
        continue;
      }
    } else if (checkOnly) {
      problems.push(`${language}.traineddata is missing`);
      continue;
    }
    const candidates = [
      ['node_modules', () => spec.npm && fromNpm(spec.npm)],
      ['system tessdata', () => fromSystem(language)],
      [`Debian package ${spec.deb}`, () => fromDebian(spec.deb, language)],
    ];
    let found = false;
    for (const [source, load] of candidates) {
      const bytes = load();
      if (!bytes) continue;
      if (sha256(bytes) !== spec.sha256) {
        console.warn(`language-data: ${language} from ${source} is another version; not used`);
        continue;
      }
      writeFileSync(`${dest}.partial`, bytes);
      renameSync(`${dest}.partial`, dest);
      nextStamp[language] = fingerprint(dest);
      console.log(`language-data: ${language}.traineddata from ${source}`);
      found = true;
      break;
    }
    if (!found) problems.push(`${language}.traineddata: no source has the pinned file (install Debian's ${spec.deb})`);
  }
  if (!checkOnly) writeFileSync(stampFile, `${JSON.stringify(nextStamp, null, 2)}\n`);
  if (problems.length > 0) {
    console.error(`language-data: ${problems.join('; ')}`);
    process.exit(1);
  }
}

main();
