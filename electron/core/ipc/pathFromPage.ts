import { isAbsolute } from 'node:path';
import { DalelFailure } from '../errors';

/**
 * A folder or file path the page sends (a vault to create or open, files to import). The page gets its
 * paths from the shell's dialogs or from the session's status, and those are always absolute and
 * normalised. A relative path would be resolved against the main process's working directory, which
 * the lawyer never sees, and `..` segments walk out of the folder the path seems to name: the handler
 * fuzz created vaults in the working directory and above the folder it was given that way. Both are
 * refused, as are NUL characters (Node's fs throws on them). Backslashes count as separators too, since
 * Windows reads them so.
 */
export function checkPathFromPage(path: string, what: string): string {
  if (path.includes('\0')) throw new DalelFailure('validation', `The ${what} path holds a character no path can hold.`).because('path-bad-character');
  if (!isAbsolute(path)) throw new DalelFailure('validation', `Give the full path of the ${what}, from the top of the disk (or choose it with the button).`).because('path-not-absolute');
  if (path.split(/[\\/]+/).some((segment) => segment === '.' || segment === '..')) {
    throw new DalelFailure('validation', `The ${what} path must name the folder directly, without "." or ".." in it.`).because('path-has-dots');
  }
  return path;
}
