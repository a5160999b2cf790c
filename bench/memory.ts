/** What the benches read of this process from Linux's /proc. Bench support only. */
import { readFileSync } from 'node:fs';

/** Peak resident memory of this process (worker threads included: they live in it), in bytes; undefined off Linux. */
export function vmHighWaterMark(): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined; // not Linux
  }
}
