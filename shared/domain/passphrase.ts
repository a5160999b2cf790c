/** Passphrase limits, shared by the core (which enforces them) and the UI (which explains them). */

/** Minimum length in characters (code points after NFC). The UI adds a strength meter on top. */
export const MIN_PASSPHRASE_LENGTH = 10;
/** Upper bound only to refuse absurd inputs at the boundary. */
export const MAX_PASSPHRASE_LENGTH = 1024;
