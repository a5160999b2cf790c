import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../electron/core/testing/seededRandom';
import { LOCK_OWNER_FILE } from '../../electron/core/vault/vaultFiles';
import { checkTarget, checkTempFolder, checkVault, type VaultState } from './checks';
import { descendantsOf, isRunning, startCli } from './cliChild';
import { OPERATIONS, operations, passphraseOf, shuffled, type Operation, type OperationName, type RunInput, type SoakPlaces } from './operations';

/**
 * The soak of issue 12: SIGKILL at a random moment during import with OCR, reindex, export, backup and
 * `passwd --rotate-key`, each run as the real `dalel` command on one vault that lives through every
 * iteration; after each kill the checks of checks.ts. Everything random comes from one seed, so a failing
 * sequence can be run again (`--seed`); the kill lands where the machine's timing puts it, so a replay
 * repeats the operations and the delays, not necessarily the exact instruction a kill interrupts.
 */
export interface SoakOptions {
  seed: number;
  iterations: number;
  /** a folder to work in (kept); a new temp folder otherwise, removed unless something failed */
  workDir?: string;
  log?: (line: string) => void;
}

/** One operation's typical run, measured before the kills: its length and when it does what. */
export interface Calibration {
  ms: number;
  /** while it holds the vault (the lock's owner note is there) */
  session: [number, number] | null;
  /** while its own files are being written (operations.ts, atFileWork) */
  fileWork: [number, number] | null;
}

export interface OperationFigures {
  /** measured first, then the latest run that ended on its own */
  calibration: Calibration;
  runs: number;
  /** killed while it still ran */
  kills: number;
  /** of which timed from the moment its file work was seen */
  fileWorkKills: number;
  /** ended on its own before the kill came */
  finished: number;
  /** a killed run left temp files beside its target, and the next run removed them */
  tempsRemovedByNextRun: number;
  /** rotations: the old key kept, the new key in force */
  keptOld: number;
  inForceNew: number;
  totalMs: number;
  maxMs: number;
}

export interface SoakFailure {
  seed: number;
  iteration: number;
  operation: OperationName;
  plan: KillPlan;
  /** ms after the start, or null when it ended before the kill */
  killedAtMs: number | null;
  problems: string[];
}

export interface SoakReport {
  seed: number;
  iterations: number;
  ms: number;
  workDir: string;
  figures: Record<OperationName, OperationFigures>;
  failure: SoakFailure | null;
  /** the vault at the end, as the last check that passed saw it */
  /** and how many documents a killed import had left unread that the last import finished */
  vault: { dir: string; generation: number; documents: number; resumed: number };
}

const AS_IS = { attempted: false, completed: true };

/** How long processes a killed run started (parser processes) may take to notice and end. */
const ORPHAN_GRACE_MS = 3000;

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed);
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'dalel-soak-'));
  const places: SoakPlaces = { vaultDir: join(workDir, 'vault'), scansDir: join(workDir, 'scans'), exportDir: join(workDir, 'export'), backupDir: join(workDir, 'backup') };
  for (const dir of [places.scansDir, places.exportDir, places.backupDir]) mkdirSync(dir, { recursive: true });
  const tmpDir = join(workDir, 'tmp');
  const started = performance.now();
  let failure: SoakFailure | null = null;

  /**
   * Run one command, watching when it holds the vault and when it is at its file work (polled every
   * 2 ms), and kill it as `plan` says (not at all without one). A run that ends on its own is what the
   * next kills are timed from: the runs get slower as the vault grows, and faster once caches are warm.
   */
  const runWatched = async (operation: Operation, args: string[], input: RunInput, plan: KillPlan | null) => {
    mkdirSync(tmpDir, { recursive: true });
    const windows = { session: null as [number, number] | null, fileWork: null as [number, number] | null };
    const run = startCli(args, { secrets: operation.secrets(input), tmpDir });
    const t0 = performance.now();
    const killed = { at: null as number | null, orphans: [] as number[] };
    const kill = () => {
      killed.orphans = run.descendants();
      killed.at = performance.now() - t0;
      run.kill();
    };
    let timer = plan?.after === 'start' ? setTimeout(kill, plan.ms) : undefined;
    const poll = setInterval(() => {
      const t = performance.now() - t0;
      const widen = (window: [number, number] | null): [number, number] => (window ? [window[0], t] : [t, t]);
      if (existsSync(join(places.vaultDir, LOCK_OWNER_FILE))) windows.session = widen(windows.session);
      if (operation.atFileWork?.(places)) {
        windows.fileWork = widen(windows.fileWork);
        if (plan?.after === 'file-work' && !timer) timer = setTimeout(kill, plan.ms);
      }
    }, 2);
    const result = await run.exited;
    clearTimeout(timer);
    clearInterval(poll);
    const wasKilled = killed.at !== null && result.signal === 'SIGKILL';
    const problems: string[] = [];
    if (!wasKilled && result.code !== 0) problems.push(`dalel ${args[0]} ended on its own with ${result.code ?? result.signal}: ${result.stderr.trim().slice(0, 2000)}`);
    if (wasKilled) problems.push(...(await leftRunning(killed.orphans)));
    problems.push(...checkTempFolder(tmpDir));
    const calibration: Calibration | null = wasKilled || result.code !== 0 ? null : { ms: result.ms, ...windows };
    return { killedAt: wasKilled ? killed.at! : null, ms: result.ms, calibration, problems };
  };

  log(`soak: seed ${options.seed}, ${options.iterations} iterations, in ${workDir}`);
  // init loads every command's code: tsx's compile cache in the runs' TMPDIR is warm before anything is measured.
  mkdirSync(tmpDir, { recursive: true });
  const init = await startCli(['init', places.vaultDir], { secrets: { DALEL_PASSPHRASE: passphraseOf(0) }, tmpDir }).exited;
  if (init.code !== 0) throw new Error(`dalel init failed: ${init.stderr}`);
  let state: VaultState = { generation: 0, docs: new Map(), readyDocs: [] };

  // Measure each operation first, run to its end on this vault (import first: the others need a document).
  const figures = {} as Record<OperationName, OperationFigures>;
  for (const name of OPERATIONS) {
    const operation = operations[name];
    const input: RunInput = { iteration: -1, generation: state.generation, readyDocs: state.readyDocs, random };
    const measured = await runWatched(operation, operation.args(places, input), input, null);
    const after = await settle(operation, { attempted: name === 'rotate-key', completed: measured.problems.length === 0 });
    if (!measured.calibration || after.problems.length > 0) throw new Error(`measuring ${name} failed:\n${[...measured.problems, ...after.problems].join('\n')}`);
    figures[name] = { calibration: measured.calibration, runs: 0, kills: 0, fileWorkKills: 0, finished: 0, tempsRemovedByNextRun: 0, keptOld: 0, inForceNew: 0, totalMs: 0, maxMs: 0 };
    log(`  measured ${name}: ${describeCalibration(measured.calibration)}`);
  }

  // The checks after a run, and the state they leave for the next one.
  async function settle(operation: Operation, rotation: { attempted: boolean; completed: boolean }) {
    const checked = await checkVault(places, state, rotation);
    const target = operation.targetDir ? checkTarget(operation, places) : { problems: [], temps: [] };
    if (checked.state) state = checked.state;
    return { problems: [...checked.problems, ...target.problems], temps: target.temps };
  }

  // Operations in rounds: each round is every operation once, in a seeded order (a handful of iterations
  // in CI then covers all five; 50 kill each ten times).
  let round: OperationName[] = [];
  for (let iteration = 0; iteration < options.iterations && !failure; iteration += 1) {
    if (round.length === 0) round = shuffled(OPERATIONS, random);
    const name = round.shift()!;
    const operation = operations[name];
    const figure = figures[name];
    const input: RunInput = { iteration, generation: state.generation, readyDocs: state.readyDocs, random };
    const args = operation.args(places, input);
    const plan = killPlan(figure.calibration, operation.atFileWork !== undefined, random);
    const generationBefore = state.generation;
    const iterationStarted = performance.now();

    const run = await runWatched(operation, args, input, plan);
    const killed = run.killedAt !== null;
    if (run.calibration) figure.calibration = run.calibration;
    const problems = [...run.problems];
    const after = await settle(operation, { attempted: name === 'rotate-key', completed: !killed && run.problems.length === 0 });
    problems.push(...after.problems);

    // Temp files beside the target: the next run to the same name must remove them, and succeed.
    if (after.temps.length > 0 && problems.length === 0) {
      const next: RunInput = { iteration, generation: state.generation, readyDocs: state.readyDocs, random };
      // (Not a measure of the next kills: the temp files it starts with look like file work.)
      const nextRun = await runWatched(operation, args, next, null);
      const again = await settle(operation, AS_IS);
      const still = again.temps.filter((file) => after.temps.includes(file));
      problems.push(...nextRun.problems, ...again.problems, ...still.map((file) => `"${file}" (left by the killed run) is still beside the target after the next ${name} run`));
      if (nextRun.problems.length === 0 && still.length === 0) figure.tempsRemovedByNextRun += 1;
    }

    const ms = performance.now() - iterationStarted;
    figure.runs += 1;
    if (killed) figure.kills += 1;
    else figure.finished += 1;
    if (killed && plan.after === 'file-work') figure.fileWorkKills += 1;
    if (name === 'rotate-key') {
      if (state.generation > generationBefore) figure.inForceNew += 1;
      else figure.keptOld += 1;
    }
    figure.totalMs += ms;
    figure.maxMs = Math.max(figure.maxMs, ms);
    const due = plan.after === 'start' ? `${Math.round(plan.ms)} ms` : `${Math.round(plan.ms)} ms into its file work`;
    const what = killed ? `killed at ${Math.round(run.killedAt!)} ms (${due})` : `ended on its own after ${Math.round(run.ms)} ms (kill was due at ${due})`;
    log(`  #${iteration} ${name}: ${what}; ${problems.length === 0 ? 'ok' : 'FAILED'} (${(ms / 1000).toFixed(1)} s)`);
    if (problems.length > 0) failure = { seed: options.seed, iteration, operation: name, killedAtMs: killed ? Math.round(run.killedAt!) : null, plan, problems };
  }

  // Pages a killed import left unread are read by the next import (importService.ts): one run to its
  // end, and every document is ready.
  let resumed = 0;
  if (!failure) {
    resumed = state.docs.size - state.readyDocs.length;
    const input: RunInput = { iteration: options.iterations, generation: state.generation, readyDocs: state.readyDocs, random };
    const last = await runWatched(operations.import, operations.import.args(places, input), input, null);
    const after = await settle(operations.import, AS_IS);
    const unread = [...state.docs.keys()].filter((id) => !state.readyDocs.includes(id));
    const problems = [...last.problems, ...after.problems, ...unread.map((id) => `document ${id} is not ready after an import ran to its end (pages a killed import left are never read)`)];
    log(`  then import to its end: ${resumed} document${resumed === 1 ? '' : 's'} a killed import left unread, ${unread.length} still unread; ${problems.length === 0 ? 'ok' : 'FAILED'}`);
    if (problems.length > 0) failure = { seed: options.seed, iteration: options.iterations, operation: 'import', killedAtMs: null, plan: { after: 'start', ms: Infinity }, problems };
  }

  const vault = { dir: places.vaultDir, generation: state.generation, documents: state.docs.size, resumed };
  const report: SoakReport = { seed: options.seed, iterations: options.iterations, ms: performance.now() - started, workDir, figures, failure, vault };
  if (!failure && !options.workDir) rmSync(workDir, { recursive: true, force: true });
  return report;
}

/** When to kill: so many ms after the start, or after the run is first seen at its file work. */
export interface KillPlan {
  after: 'start' | 'file-work';
  ms: number;
}

/**
 * A third of the kills anywhere in the run (start-up and unlock included, and a little after its usual
 * end), a third while it holds the vault, a third during its own file work and after it (the rotation's
 * copy and switch, the staged bundle or backup and its rename) where it has such a moment, else while
 * it holds the vault. That stretch lasts 10–100 ms here, less than the jitter of a whole run's timing on
 * a busy machine, so that kill is timed from the moment the work is seen (polled every 2 ms).
 */
export function killPlan(calibration: Calibration, hasFileWork: boolean, random: () => number): KillPlan {
  const draw = random();
  if (draw < 1 / 3 || !calibration.session) return { after: 'start', ms: random() * calibration.ms * 1.1 };
  if (draw < 2 / 3 || !hasFileWork) {
    const [from, to] = calibration.session;
    const span = to - from;
    return { after: 'start', ms: from - 0.05 * span + random() * 1.1 * span };
  }
  // From the first sight of the file work to a little past the run's end: the prepared files, the
  // switch or rename, and what follows it (the header and anchor moved into place, the audit entry).
  const [from] = calibration.fileWork ?? [calibration.ms, calibration.ms];
  return { after: 'file-work', ms: random() * Math.max(calibration.ms - from, 20) * 1.1 };
}

/** The processes a killed run had started that are still running after a grace period (then ended here). */
async function leftRunning(pids: number[]): Promise<string[]> {
  const deadline = performance.now() + ORPHAN_GRACE_MS;
  while (pids.some(isRunning) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const left = pids.filter(isRunning);
  for (const pid of left) {
    for (const descendant of descendantsOf(pid)) process.kill(descendant, 'SIGKILL');
    process.kill(pid, 'SIGKILL');
  }
  return left.map((pid) => `process ${pid}, started by the killed run, was still running ${ORPHAN_GRACE_MS / 1000} s later`);
}

export function describeCalibration(calibration: Calibration): string {
  const span = (window: [number, number] | null) => (window ? `${Math.round(window[0])}–${Math.round(window[1])} ms` : '—');
  return `${Math.round(calibration.ms)} ms (holds the vault ${span(calibration.session)}, writes its files ${span(calibration.fileWork)})`;
}
