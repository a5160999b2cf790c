/**
 * Where an export may write. An export path pointing into the vault folder once replaced
 * `dalel-vault.json` — the header with the wrapped keys — and the vault was lost for good, recovery code
 * included (issue 11). So nothing is ever written inside the vault folder, whatever path leads there
 * (symbolic links, `..`, another spelling of the same folder), and no existing file is replaced unless
 * the lawyer said so: `--force` on the command line, or the save dialog's own overwrite question.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve, isAbsolute, sep } from 'node:path';
import { DalelFailure } from '../errors';

export interface TargetRules {
  /** the vault's folder: nothing may be written in it or below it */
  vaultDir: string;
  /** an existing file may be replaced */
  overwrite: boolean;
}

/** `inner` is `outer` or lies below it (both real paths). */
function within(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith(`..${sep}`) && path !== '..' && !isAbsolute(path));
}

/** The folder's real path (links followed); a folder that does not exist is refused by the caller. */
function real(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The absolute path to write `what` to, or a failure the lawyer can act on: `validation` (no name, no
 * folder, a folder in the way), `unsafe-target` (inside the vault folder), `target-exists`.
 */
export function checkTarget(path: string, what: string, rules: TargetRules): string {
  if (!path.trim()) throw new DalelFailure('validation', `Choose where the ${what} is written.`).because('target-needs-name');
  const target = resolve(path);
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new DalelFailure('validation', `The folder for the ${what} does not exist.`).because('target-folder-missing');
  if (within(real(folder), real(rules.vaultDir))) {
    throw new DalelFailure('unsafe-target', `The ${what} cannot be saved in the vault's folder: files there belong to the vault. Choose another folder.`, {
      path: target,
    }).because('target-in-vault', { path: target });
  }
  if (existsSync(target) && statSync(target).isDirectory()) throw new DalelFailure('validation', `A folder is in the way of the ${what}: choose a file name.`).because('target-is-folder');
  if (!rules.overwrite && existsSync(target)) {
    throw new DalelFailure('target-exists', `A file named ${target} already exists. Choose another name, or say it may be replaced.`, { path: target }).because('target-exists', { path: target });
  }
  return target;
}

/**
 * Paths the save dialog returned in this session: the only places the app's window may export to (a
 * compromised page cannot pick its own), and the ones whose replacement the lawyer already confirmed
 * in that dialog.
 */
export class GrantedPaths {
  private readonly paths = new Set<string>();

  grant(path: string | null): string | null {
    if (path) this.paths.add(resolve(path));
    return path;
  }

  has(path: string): boolean {
    return this.paths.has(resolve(path));
  }
}
