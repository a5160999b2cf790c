/**
 * The demo vault (issue 14 item 10): a vault holding only the fictional sample documents shipped with
 * the app (resources/demo), for a newcomer to try the library, search and bundles at once.
 *
 * Its passphrase is fixed and public: shown on the demo banner and on the demo vault's unlock screen.
 * The alternative, a random passphrase kept only in memory, was weighed and refused:
 * - the demo would be lost at every lock (Ctrl+L, 15 idle minutes, sleep) and its OCR redone each time;
 * - the folder it leaves behind opens for no one, so Dalel could no longer prove it is a demo vault
 *   before replacing it. With the public passphrase it can: a folder is treated as the demo vault only
 *   when it opens with this passphrase AND carries the demo mark inside its encrypted database, which no
 *   real vault does. Anything else in the demo folder is never touched.
 * A public passphrase is safe only because nothing real can get in: the core refuses every import into a
 * demo vault (`demo-vault`), and refuses to give it a passphrase of its own, which would make it look
 * like a safe place for real documents.
 */
export const DEMO_VAULT_PASSPHRASE = 'dalel sample documents';
