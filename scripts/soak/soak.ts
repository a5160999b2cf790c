/**
 * `npm run soak [-- --seed N] [--iterations N] [--work-dir DIR]`: the soak of issue 12 (soakRun.ts).
 * 50 iterations by default (DALEL_SOAK_ITERATIONS overrides, as for the rotation kill loop in
 * keyRotation.test.ts); CI runs a handful through soak.test.ts. Exits 1 on the first failure, printing
 * the seed and what was left, and keeps the work folder for a look.
 */
import { parseArgs } from 'node:util';
import { OPERATIONS } from './operations';
import { describeCalibration, runSoak, type SoakReport } from './soakRun';

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) throw new Error(`${name} takes a whole number, not "${value}"`);
  return number;
}

export function formatReport(report: SoakReport): string {
  const lines = [
    `soak: ${report.iterations} iterations in ${(report.ms / 1000).toFixed(0)} s, seed ${report.seed}; ${report.vault.documents} documents in the vault at the end (${report.vault.resumed} left unread by a killed import, read by the last one)`,
    '',
  ];
  lines.push('operation    last run to its end                                                      runs  kills (in file work)  ended first  temps removed by next run  s/iteration (mean, max)');
  for (const name of OPERATIONS) {
    const figure = report.figures[name];
    if (!figure) continue;
    const mean = figure.runs > 0 ? figure.totalMs / figure.runs / 1000 : 0;
    lines.push(
      `${name.padEnd(12)} ${describeCalibration(figure.calibration).padEnd(72)} ${String(figure.runs).padStart(4)} ${`${figure.kills} (${figure.fileWorkKills})`.padStart(21)} ${String(figure.finished).padStart(12)} ${String(figure.tempsRemovedByNextRun).padStart(26)}   ${mean.toFixed(1)}, ${(figure.maxMs / 1000).toFixed(1)}`,
    );
  }
  const rotation = report.figures['rotate-key'];
  if (rotation?.runs) lines.push('', `rotate-key: the old key kept ${rotation.keptOld}×, the new key in force ${rotation.inForceNew}× (exactly one passphrase opened the vault each time)`);
  if (report.failure) {
    const failure = report.failure;
    const last = failure.iteration >= report.iterations;
    const where = last
      ? 'in the import run to its end after the kills'
      : `at iteration ${failure.iteration} (${failure.operation}, ${failure.killedAtMs !== null ? `killed ${failure.killedAtMs} ms after its start` : 'ended before the kill'})`;
    lines.push(
      '',
      `FAILED ${where}, seed ${failure.seed}:`,
      ...failure.problems.map((problem) => `  - ${problem}`),
      `Replay: npm run soak -- --seed ${failure.seed} --iterations ${last ? report.iterations : failure.iteration + 1}`,
      `The vault and targets are left in ${report.workDir}`,
    );
  } else lines.push('', 'No failure.');
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { seed: { type: 'string' }, iterations: { type: 'string' }, 'work-dir': { type: 'string' } }, strict: true });
  const seed = positiveInteger(values.seed, '--seed', Math.floor(Math.random() * 2 ** 31));
  const iterations = positiveInteger(values.iterations, '--iterations', positiveInteger(process.env.DALEL_SOAK_ITERATIONS, 'DALEL_SOAK_ITERATIONS', 50));
  const report = await runSoak({ seed, iterations, workDir: values['work-dir'], log: (line) => console.log(line) });
  console.log(`\n${formatReport(report)}`);
  return report.failure ? 1 : 0;
}

if (process.argv[1] && /soak[\\/]soak\.[cm]?[tj]s$/.test(process.argv[1])) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
