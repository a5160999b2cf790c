#!/usr/bin/env node
/**
 * `npm run lint:electron`: Electronegativity (Doyensec's Electron security linter) over the code that
 * decides how Electron is configured: electron/main, electron/preload, renderer/index.html and the
 * built bundles in out/ when present. Fails on every HIGH or MEDIUM finding that is not listed, with a
 * written reason, in electronegativity-accepted.json (matched by check id and file).
 *
 * Runs offline: the tool fetches translations from S3 at start and Electron release notes for one
 * check. Both are cut off here, so the result never depends on the network or on remote text.
 * Full findings, machine-readable: e2e/artifacts/electronegativity.json.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const acceptedFile = join(repo, 'electronegativity-accepted.json');
const reportFile = join(repo, 'e2e/artifacts/electronegativity.json');
const FAILING = new Set(['HIGH', 'MEDIUM']);

/** What is scanned, relative to the repo. Tests are left out: they are not shipped. */
function scannedFiles() {
  const sources = ['electron/main', 'electron/preload'].flatMap((dir) =>
    listFiles(join(repo, dir)).filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file)),
  );
  const others = ['renderer/index.html', 'package.json', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'];
  return [...sources, ...others.map((file) => join(repo, file)).filter((file) => existsSync(file))].map((file) =>
    relative(repo, file),
  );
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Replace the tool's HTTP client with one that always fails, before the tool loads it. */
function cutNetwork() {
  const engineDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = createRequire(join(engineDir, 'dist/locales/i18n.js')).resolve('got');
  const offline = () => Promise.reject(new Error('Network disabled: Dalel lints offline.'));
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = Object.assign(offline, { default: offline, get: offline, stream: offline });
  require.cache[gotPath] = stub;
}

/** Dalel's own rules that the tool cannot express. */
function dalelChecks(files) {
  const findings = [];
  for (const file of files.filter((f) => f.endsWith('.ts'))) {
    const lines = readFileSync(join(repo, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (/crashReporter\s*\.\s*start\s*\(/.test(line)) {
        findings.push(dalel('DALEL_NO_CRASH_REPORTER', file, index, 'HIGH', 'Crash dumps can hold the unlocked data key and case text; crash reporting stays off.'));
      }
      if (/eng-disable/.test(line)) {
        findings.push(dalel('DALEL_NO_INLINE_SUPPRESSION', file, index, 'MEDIUM', 'Accept findings in electronegativity-accepted.json with a reason, not with inline comments the tool obeys silently.'));
      }
    });
  }
  return findings;
}

function dalel(id, file, index, severity, description) {
  return { id, file, line: index + 1, column: 0, severity, confidence: 'CERTAIN', description };
}

function readAccepted() {
  const list = JSON.parse(readFileSync(acceptedFile, 'utf8')).accepted;
  if (!Array.isArray(list)) throw new Error('electronegativity-accepted.json: "accepted" must be a list');
  for (const entry of list) {
    if (typeof entry.check !== 'string' || typeof entry.file !== 'string' || typeof entry.reason !== 'string') {
      throw new Error(`electronegativity-accepted.json: each entry needs check, file and reason: ${JSON.stringify(entry)}`);
    }
    if (entry.reason.trim().length < 20) throw new Error(`electronegativity-accepted.json: write a real reason for ${entry.check} in ${entry.file}`);
  }
  return list;
}

async function scan(files) {
  const staging = mkdtempSync(join(tmpdir(), 'dalel-electronegativity-'));
  try {
    for (const file of files) {
      mkdirSync(dirname(join(staging, file)), { recursive: true });
      cpSync(join(repo, file), join(staging, file));
    }
    cutNetwork();
    const run = require('@doyensec/electronegativity');
    const quiet = console.log;
    // The tool announces the (deliberately) failed translation download; nothing else is printed.
    console.log = (...args) => {
      if (!String(args[0]).includes('Could not retrieve updated translations')) quiet(...args);
    };
    try {
      return await run(
        {
          input: staging,
          output: undefined,
          isSarif: false,
          customScan: [],
          // Needs Electron's release list from the network; upgrades are tracked by the lead instead.
          excludeFromScan: ['availablesecurityfixesglobalcheck'],
          severitySet: undefined,
          confidenceSet: undefined,
          isRelative: true,
          isVerbose: false,
          electronUpgrade: undefined,
          electronVersionOverride: require('electron/package.json').version,
          parserPlugins: [],
        },
        false,
      );
    } finally {
      console.log = quiet;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function pad(value, width) {
  const text = String(value);
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

async function main() {
  const files = scannedFiles();
  const accepted = readAccepted();
  const result = await scan(files);
  const findings = [
    ...result.issues.map((issue) => ({
      id: issue.id,
      file: issue.file.split(sep).join('/'),
      line: issue.location.line,
      column: issue.location.column,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      manualReview: issue.manualReview,
      description: issue.description,
      url: issue.shortenedURL,
    })),
    ...dalelChecks(files),
  ].map((finding) => {
    const acceptance = accepted.find((entry) => entry.check === finding.id && entry.file === finding.file);
    return { ...finding, accepted: acceptance ? acceptance.reason : null };
  });
  // An acceptance for a file not scanned this time (out/ not built yet) is neither used nor stale.
  const stale = accepted.filter(
    (entry) => files.includes(entry.file) && !findings.some((f) => f.id === entry.check && f.file === entry.file),
  );

  mkdirSync(dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, `${JSON.stringify({ scanned: files, errors: result.errors, findings }, null, 2)}\n`);

  const counts = {};
  for (const finding of findings) counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  console.log(`Electronegativity: ${files.length} files, ${result.atomicChecks + result.globalChecks} checks, findings by severity: ${JSON.stringify(counts)}`);
  for (const error of result.errors) console.log(`  could not parse ${error.file}: ${error.message}`);

  const serious = findings.filter((finding) => FAILING.has(finding.severity));
  if (serious.length > 0) {
    console.log(`\n${pad('status', 9)}${pad('severity', 9)}${pad('check', 44)}where`);
    for (const f of serious) {
      console.log(`${pad(f.accepted ? 'accepted' : 'FAIL', 9)}${pad(f.severity, 9)}${pad(f.id, 44)}${f.file}:${f.line}`);
    }
  }
  for (const entry of stale) {
    console.log(`STALE    ${entry.check} in ${entry.file} is accepted but no longer found: remove it from the list.`);
  }
  const failing = serious.filter((finding) => !finding.accepted);
  if (failing.length > 0 || stale.length > 0 || result.errors.some((error) => !error.tolerable)) {
    console.log(`\nFailed: fix the code, or accept a finding in electronegativity-accepted.json with a reason. Details: ${relative(repo, reportFile)}`);
    process.exit(1);
  }
  console.log(`\nNo unaccepted HIGH or MEDIUM findings. Details: ${relative(repo, reportFile)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
