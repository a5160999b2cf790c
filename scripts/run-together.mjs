// Runs npm scripts side by side and fails if any fails: `node scripts/run-together.mjs typecheck lint`.
// The type checks and the linter each keep one core busy; on two cores together they take as long as the
// longer of them. Each script's output is printed whole when it ends, so the two never interleave.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('Usage: node scripts/run-together.mjs <npm script>...');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const runs = scripts.map(
  (script) =>
    new Promise((done) => {
      const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
      const output = [];
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
      child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
      child.on('close', (code, signal) => {
        const ok = code === 0;
        process.stdout.write(`\n== npm run ${script}: ${ok ? 'passed' : `failed (${signal ?? `exit ${code}`})`}\n`);
        process.stdout.write(Buffer.concat(output));
        done(ok);
      });
    }),
);

const results = await Promise.all(runs);
process.exit(results.every(Boolean) ? 0 : 1);
