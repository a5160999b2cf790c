import { folderName } from './folderName';

/**
 * Wiping destroys the vault for good, so it asks for the vault folder's name typed out, as the core does
 * (electron/core/vault/wipe.ts compares the trimmed text with the folder's name, case and all). The
 * button stays off until the two match, so a wrong confirmation never reaches the core.
 */
export function wipeConfirmed(typed: string, vaultPath: string): boolean {
  const name = folderName(vaultPath);
  return name !== '' && typed.trim() === name;
}
