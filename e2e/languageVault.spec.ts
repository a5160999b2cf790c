import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { CORPUS, expect, OCR_TIMEOUT, PASSPHRASE, test } from './fixtures';
import { expectEveryScreenRead, expectPlantedEnglishCaught, type Screens, sameEverywhereGiven, screenReader, untranslated } from './languageWalk';
import { CreateVaultPage } from './pages/CreateVaultPage';
import { ImportPage } from './pages/ImportPage';
import { LawsPage } from './pages/LawsPage';
import { LibraryPage } from './pages/LibraryPage';
import { RecoveryCodePage } from './pages/RecoveryCodePage';
import { RestorePage } from './pages/RestorePage';
import { SettingsPage } from './pages/SettingsPage';
import { UnlockPage } from './pages/UnlockPage';
import { APPEAL, seedAppeal } from './seedVault';
import type { Vault } from '../electron/core/vault/unlockedVault';

/**
 * Issue 14 item 3, "every word in the lawyer's language", for what language.spec's walk of the main
 * screens does not reach: the vault's doors (creating one, its recovery code, unlocking with the
 * passphrase and with the recovery code, choosing a new passphrase after it, backing up and restoring)
 * and the library's dialogs and side screens (the law register, adding a deadline, the shortcuts,
 * verifying the vault, editing and deleting a document, an import with files refused). Each language
 * makes a vault of its own and walks it in the same order, so each screen is read with the same data in
 * English, Russian and Kazakh (how a walk reads and compares: languageWalk.ts).
 */
test.use({ viewport: { width: 1280, height: 800 } });

/**
 * Text pretending to be a PDF, an empty file, a PDF that needs its password, and a PDF with a text layer
 * that imports without OCR.
 */
const NOT_A_PDF = 'notes_client.pdf';
const EMPTY = 'empty.pdf';
const PROTECTED = 'bundle_protected.pdf';
const GOOD = 'appeal_draft_Askaruly_v2.pdf';
test.use({ pickedFiles: [join(CORPUS, 'bad', NOT_A_PDF), join(CORPUS, 'bad', EMPTY), join(CORPUS, 'bad', PROTECTED), join(CORPUS, GOOD)] });

const WEAK = 'password1234';
const NEXT_PASSPHRASE = 'lantern quarry saffron thimble';

/** The lawyer's own words, shown back in whatever language they were written: the seeded appeal and the imported files. */
const FIXTURES = [
  ...APPEAL.documents.flatMap((doc) => [doc.title, doc.text]),
  ...APPEAL.persons,
  APPEAL.caseTitle,
  APPEAL.bundleTitle,
  NOT_A_PDF,
  EMPTY,
  PROTECTED,
  GOOD,
  GOOD.replace(/\.pdf$/, ''),
];
const sameEverywhere = sameEverywhereGiven(FIXTURES);

type Language = 'en' | 'ru' | 'kk';

interface Options {
  /** where each language's vault is made */
  dataDir: string;
  /** what the test host's open dialog answers on the restore screen: the backup the walk made */
  backupToPick: { path: string | null };
  /** the vault open in the test host, to seed */
  vault: () => Vault;
  /** runs the scheduled backup now, as the open vault's timer would */
  runScheduledBackup: () => Promise<unknown>;
}

/**
 * One language's walk, from the first-run screen: a new vault, its screens and dialogs, a backup, the
 * unlock screen, the backup restored and the restored vault wiped; it ends on the first-run screen again.
 */
async function walk(page: Page, language: Language, options: Options): Promise<Screens> {
  const { screens, read } = screenReader(page);
  const create = new CreateVaultPage(page);
  const recovery = new RecoveryCodePage(page);
  const library = new LibraryPage(page);
  const unlock = new UnlockPage(page);
  const settings = new SettingsPage(page);

  // the language, chosen under the first-run form
  await expect(create.root).toBeVisible();
  await page.getByTestId('language-select').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);

  // Creating a vault: the form, a folder refused, a common password refused, a strong one rated.
  await create.folder.fill(join(options.dataDir, `vault-${language}`));
  await read('create vault');
  // the data folder holds other files: refused, with the reason
  await create.folder.fill(options.dataDir);
  await create.fill(PASSPHRASE);
  await create.submit.click();
  await expect(page.getByTestId('create-vault-error')).toBeVisible();
  await read('create vault: folder refused');
  await create.folder.fill(join(options.dataDir, `vault-${language}`));
  await create.fill(WEAK);
  await create.expectRated();
  await create.submit.click();
  await expect(create.passphraseProblem).toBeVisible();
  await read('create vault: common password refused');
  await create.fill(PASSPHRASE);
  await create.expectRated();
  await expect(create.passphraseProblem).toBeHidden();
  await read('create vault: strong passphrase');
  await create.submit.click();

  // The recovery code, shown once, saved as a file.
  const code = await recovery.readCode();
  await read('recovery code');
  await page.getByTestId('recovery-save-button').click();
  await expect(page.getByTestId('recovery-save-status')).toBeVisible();
  await read('recovery code: saved');
  await recovery.confirmStored();
  await expect(library.empty).toBeVisible();
  await read('empty library');

  const ids = await seedAppeal(options.vault(), { entries: 2, redactedTerms: [] });
  // the library reads the seeded vault when it is shown again
  await page.getByTestId('persons-button').click();
  await page.getByTestId('persons-back').click();
  await expect(page.getByTestId('document-card')).toHaveCount(APPEAL.documents.length);

  // The law register: the list, one law's form, the form for a new one.
  const laws = new LawsPage(page);
  await laws.open();
  await expect(laws.cards.first()).toBeVisible();
  await read('laws');
  await laws.cards.first().getByTestId('law-edit').click();
  await expect(laws.editForm).toBeVisible();
  await read('laws: editing a law');
  await laws.backToDocuments();

  // Adding a deadline, on the library home.
  await page.getByTestId('add-deadline').click();
  await expect(page.getByTestId('add-deadline-form')).toBeVisible();
  await read('deadlines: adding one');
  await page.getByTestId('add-deadline-form').locator('button[type="button"]').click();
  await expect(page.getByTestId('add-deadline-form')).toBeHidden();

  // The keyboard shortcuts, one key away.
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await read('shortcuts');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-dialog')).toBeHidden();

  // Verifying the vault.
  const verify = await library.verifyAudit();
  await read('verify vault');
  await page.keyboard.press('Escape');
  await expect(verify).toBeHidden();
  // the full check, from Security (the originals too)
  await settings.open('security');
  await settings.dialog.getByTestId('security-verify').click();
  await verify.getByTestId('verify-deep').click();
  await expect(verify.getByTestId('verify-result')).toHaveAttribute('data-deep', 'true');
  await expect(verify.getByTestId('verify-result')).toHaveAttribute('data-status', 'ok');
  await read('verify vault: full check');
  await page.keyboard.press('Escape');
  await expect(verify).toBeHidden();
  if (await settings.dialog.isVisible()) await page.keyboard.press('Escape');
  await expect(settings.dialog).toBeHidden();

  // Editing a document (a day it cannot read refused), deleting one (not confirmed).
  await page.locator(`[data-testid="document-card"][data-doc-id="${ids[0]}"]`).click();
  await expect(page.getByTestId('viewer-page-image')).toBeVisible();
  await page.getByTestId('edit-document').click();
  const edit = page.getByTestId('edit-document-dialog');
  await expect(edit).toBeVisible();
  await read('edit document');
  await edit.getByTestId('edit-document-date').fill('04/08/2021');
  await edit.getByTestId('edit-document-save').click();
  await expect(edit.getByRole('alert')).toBeVisible();
  await read('edit document: a day refused');
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  await page.getByTestId('delete-document').click();
  const remove = page.getByTestId('delete-document-dialog');
  await expect(remove).toBeVisible();
  await read('delete document');
  await remove.getByTestId('delete-document-cancel').click();
  await expect(remove).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('viewer-page-image')).toBeHidden();

  // Importing: the languages to read, then a file that is not a PDF, an empty one and a good one.
  await page.getByTestId('import-languages-button').click();
  await expect(page.getByTestId('import-languages-dialog')).toBeVisible();
  await read('import: languages');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-languages-dialog')).toBeHidden();
  const imports = new ImportPage(page);
  await imports.importButton.click();
  await expect(imports.row(NOT_A_PDF)).toHaveAttribute('data-status', 'rejected', { timeout: OCR_TIMEOUT });
  await expect(imports.row(EMPTY)).toHaveAttribute('data-status', 'rejected', { timeout: OCR_TIMEOUT });
  await expect(imports.row(GOOD)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await expect(imports.row(PROTECTED)).toHaveAttribute('data-status', 'rejected', { timeout: OCR_TIMEOUT });
  await expect(imports.panel).toHaveAttribute('data-running', 'false');
  await read('import: files refused');
  await imports.enterPassword(PROTECTED, 'not the password');
  await expect(imports.row(PROTECTED).getByTestId('import-file-error')).toHaveAttribute('data-code', 'pdf-password-wrong', { timeout: OCR_TIMEOUT });
  await read('import: a wrong password');

  // Settings: Backup, a backup made now, and Security.
  await settings.open('backup');
  await read('settings: backup');
  const report = await settings.backUpNow();
  const backupFile = (await report.getByTestId('backup-report-file').textContent())!.trim();
  await read('settings: backup made');
  await settings.schedule(12, 3);
  await read('settings: backups scheduled');
  // the drive is not plugged in when the scheduled backup is due
  rmSync((await settings.scheduleFolder.textContent())!.trim(), { recursive: true });
  await options.runScheduledBackup();
  await settings.open('general');
  await settings.open('backup');
  await expect(settings.backupStatus).toHaveAttribute('data-last', 'failed');
  await read('settings: a scheduled backup failed');
  await settings.open('security');
  await read('settings: security');
  await page.keyboard.press('Escape');
  await expect(settings.dialog).toBeHidden();

  // Unlocking: a wrong passphrase, a wrong recovery code, then the right one and a new passphrase.
  await library.lock();
  await expect(unlock.root).toBeVisible();
  await read('unlock');
  await unlock.submit.click();
  await expect(unlock.error).toBeVisible();
  await read('unlock: no passphrase');
  const noPassphrase = (await unlock.error.textContent())!;
  await unlock.unlockWithPassphrase('steppe kettle orchard viola');
  await expect(unlock.error).not.toHaveText(noPassphrase);
  await read('unlock: wrong passphrase');
  await unlock.modeToggle.click();
  await expect(unlock.recoveryCode).toBeVisible();
  await read('unlock: recovery code');
  await unlock.recoveryCode.fill(`${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`);
  await unlock.submit.click();
  await expect(unlock.error).toBeVisible();
  await read('unlock: wrong recovery code');
  await unlock.recoveryCode.fill(code);
  await unlock.submit.click();
  const change = page.getByTestId('change-passphrase-dialog');
  await expect(change.getByTestId('change-passphrase-after-recovery')).toBeVisible();
  await read('new passphrase after the recovery code');
  await change.getByTestId('new-passphrase-input').fill(NEXT_PASSPHRASE);
  await change.getByTestId('new-passphrase-confirm-input').fill(`${NEXT_PASSPHRASE}s`);
  await change.getByTestId('change-passphrase-submit').click();
  await expect(change.getByTestId('confirmation-problem')).toBeVisible();
  await read('new passphrase: not the same twice');
  await change.getByTestId('new-passphrase-confirm-input').fill(NEXT_PASSPHRASE);
  await change.getByTestId('change-passphrase-submit').click();
  await expect(change.getByTestId('change-passphrase-done')).toBeVisible({ timeout: 30_000 });
  await read('new passphrase chosen');
  await page.keyboard.press('Escape');
  await expect(change).toBeHidden();

  // Restoring the backup (made under the first passphrase) from the unlock screen.
  await library.lock();
  const restore = new RestorePage(page);
  await restore.start();
  await read('restore');
  await restore.root.getByTestId('restore-submit').click();
  await expect(restore.root.getByTestId('restore-problem')).toBeVisible();
  await read('restore: no file chosen');
  await restore.root.getByTestId('restore-mode-toggle').click();
  await expect(restore.root.getByTestId('restore-recovery-input')).toBeVisible();
  await read('restore: with the recovery code');
  await restore.root.getByTestId('restore-mode-toggle').click();
  // a file that is not a backup
  options.backupToPick.path = join(CORPUS, 'bad', NOT_A_PDF);
  await restore.root.getByTestId('restore-choose-file').click();
  await expect(restore.root.getByTestId('restore-file')).toContainText(NOT_A_PDF);
  await restore.root.getByTestId('restore-choose-folder').click();
  await expect(restore.root.getByTestId('restore-folder-input')).toHaveValue(/restore-vault/);
  await restore.restoreWith({ passphrase: PASSPHRASE });
  await expect(restore.error).toBeVisible({ timeout: 30_000 });
  await read('restore: not a backup');
  const notABackup = (await restore.error.textContent())!;
  options.backupToPick.path = backupFile;
  await restore.choose();
  await restore.restoreWith({ passphrase: NEXT_PASSPHRASE });
  await expect(restore.error).toBeVisible({ timeout: 30_000 });
  await expect(restore.error).not.toHaveText(notABackup, { timeout: 30_000 });
  await read('restore: wrong passphrase');
  await restore.restoreWith({ passphrase: PASSPHRASE });
  await expect(restore.report).toBeVisible({ timeout: 60_000 });
  await read('restore: done');
  const restored = basename((await restore.report.getByTestId('restore-report-vault').textContent())!.trim());
  await page.getByTestId('restore-open').click();
  await expect(library.root).toBeVisible();

  // Wiping the restored vault: the form with its folder's name typed, then the first-run screen says so.
  const wipe = await settings.openWipe();
  await wipe.getByTestId('wipe-confirmation-input').fill(restored);
  await expect(wipe.getByTestId('wipe-submit')).toBeEnabled();
  await read('wipe');
  await wipe.getByTestId('wipe-submit').click();
  await expect(page.getByTestId('wiped-notice')).toBeVisible();
  await read('first run after a wipe');
  return screens;
}

test('the vault screens and the library dialogs in Russian and Kazakh show no string as their English twins do', async ({ page, host, dataDir, backupToPick }) => {
  test.setTimeout(600_000);
  const options: Options = { dataDir, backupToPick, vault: () => host.session.vault(), runScheduledBackup: () => host.services.backups.runIfDue() };
  await page.goto(host.url);
  await expect(page.getByTestId('create-vault-screen')).toBeVisible();

  const english = await walk(page, 'en', options);
  expectEveryScreenRead(english);
  for (const language of ['ru', 'kk'] as const) {
    const other = await walk(page, language, options);
    expect([...other.keys()]).toEqual([...english.keys()]);
    expect(untranslated(english, other, sameEverywhere), `${language}: visible strings identical to English`).toEqual([]);
  }

  // Control: an English string of the first-run screen after a wipe put on the Kazakh one is caught.
  await expectPlantedEnglishCaught(page, english, 'first run after a wipe', sameEverywhere);
});
