import { randomBytes } from 'node:crypto';
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from '../../../shared/domain/passphrase';
import { DalelFailure } from '../errors';
import { makeSlot, slotAad, slotParams, type KeySlot, type SlotKind, type VaultHeader } from './header';
import { SALT_BYTES, deriveKey, type Argon2idParams } from './kdf';
import { unwrapKey, wrapKey } from './keyWrap';
import { normalizeRecoveryCode } from './recoveryCode';

/** Key slots: the data key wrapped under a key derived from a passphrase or a recovery code. */
export type UnlockSecret = { passphrase: string } | { recoveryCode: string };

export function checkPassphrase(passphrase: string): void {
  const length = [...passphrase.normalize('NFC')].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    throw new DalelFailure(
      'validation',
      `The passphrase is too short: use at least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words work well.`,
    );
  }
  if (passphrase.length > MAX_PASSPHRASE_LENGTH) {
    throw new DalelFailure('validation', `The passphrase is too long (more than ${MAX_PASSPHRASE_LENGTH} characters).`).because('passphrase-too-long', { max: MAX_PASSPHRASE_LENGTH });
  }
}

export async function sealSlot(kind: SlotKind, secret: string, dataKey: Buffer, params: Argon2idParams): Promise<KeySlot> {
  const salt = randomBytes(SALT_BYTES);
  const kdf = { ...params, salt: salt.toString('base64') };
  const kek = await deriveKey(secret, salt, params);
  try {
    return makeSlot(kind, kdf, wrapKey(kek, dataKey, slotAad(kind, kdf)));
  } finally {
    kek.fill(0);
  }
}

export async function openSlot(slot: KeySlot, secret: string): Promise<Buffer | null> {
  const kek = await deriveKey(secret, Buffer.from(slot.kdf.salt, 'base64'), slotParams(slot));
  try {
    return unwrapKey(kek, slot.wrappedKey, slotAad(slot.kind, slot.kdf));
  } finally {
    kek.fill(0);
  }
}

/** The slot kind and the text derived from for an unlock secret (a recovery code normalised). */
export function slotMaterial(secret: UnlockSecret): { kind: SlotKind; material: string } {
  if ('passphrase' in secret) return { kind: 'passphrase', material: secret.passphrase };
  const material = normalizeRecoveryCode(secret.recoveryCode);
  if (material === null) {
    throw new DalelFailure('wrong-passphrase', 'That is not a valid recovery code. It has 32 letters and digits in groups of four.');
  }
  return { kind: 'recovery-code', material };
}

/** Whether `secret` opens the passphrase slot, or (normalised) the recovery-code slot, of `header`. */
export async function proves(header: VaultHeader, secret: string): Promise<boolean> {
  const attempts: Array<[SlotKind, string | null]> = [
    ['passphrase', secret],
    ['recovery-code', normalizeRecoveryCode(secret)],
  ];
  for (const [kind, material] of attempts) {
    const slot = header.slots.find((candidate) => candidate.kind === kind);
    if (!slot || material === null) continue;
    const key = await openSlot(slot, material);
    if (key) {
      key.fill(0);
      return true;
    }
  }
  return false;
}
