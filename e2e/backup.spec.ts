import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { CORPUS, createVault, expect, OCR_TIMEOUT, PASSPHRASE, test } from './fixtures';
import { CreateVaultPage } from './pages/CreateVaultPage';
import { DocumentsPage } from './pages/DocumentsPage';
import { ImportPage } from './pages/ImportPage';
import { LibraryPage } from './pages/LibraryPage';
import { RECOVERY_CODE_FORMAT, RecoveryCodePage } from './pages/RecoveryCodePage';
import { RestorePage } from './pages/RestorePage';
import { saveScreen } from './pages/screenshots';
import { SettingsPage } from './pages/SettingsPage';
import { UnlockPage } from './pages/UnlockPage';
import { expectNoEnglish } from './pages/visibleWords';

/**
 * Backup, restore, the vault's keys, wipe and a rolled-back vault, in the built renderer against the
 * loopback test host (the real core: real backups, restores and re-encryption on disk). Run
 * `npm run build` first: the host serves out/renderer.
 */

/** Two pages with a text layer: imported without OCR, so the journey does not wait for it. */
const APPEAL = 'appeal_draft_Askaruly_v2.pdf';
const NEXT_PASSPHRASE = 'lantern quarry saffron thimble';

test.use({ pickedFiles: [join(CORPUS, APPEAL)] });

async function importAppeal(page: Page): Promise<void> {
  const imports = new ImportPage(page);
  await imports.importButton.click();
  await expect(imports.row(APPEAL)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await expect(new DocumentsPage(page).card(APPEAL)).toBeVisible();
}

test('back up now and on a schedule, wipe with the folder name typed, restore the backup from the first-run screen and open it', async ({ page, host, dataDir, backupToPick }, testInfo) => {
  test.setTimeout(240_000);
  const settings = new SettingsPage(page);
  const library = new LibraryPage(page);
  await createVault(page, host);
  await importAppeal(page);

  // Back up now: the save dialog's file, read back, with what it holds.
  const report = await settings.backUpNow();
  await expect(report).toContainText('it holds 1 document');
  const file = (await report.getByTestId('backup-report-file').textContent())!.trim();
  expect(file).toMatch(/Dalel Vault \d{4}-\d{2}-\d{2}\.dalelbackup$/);
  expect(existsSync(file)).toBe(true);
  await expect(report.getByTestId('backup-report-head')).toHaveText(/up to entry #\d+/);
  await saveScreen(page, testInfo, '80-backup-now-report');

  // No schedule yet; then a folder (on "the USB drive"), twice a day, the newest three.
  await expect(settings.backupStatus).toHaveAttribute('data-last', 'none');
  await expect(settings.backupStatus).toHaveAttribute('data-next', 'off');
  await expect(settings.dialog.getByTestId('backup-schedule-save')).toBeDisabled();
  await settings.schedule(12, 3);
  await expect(settings.backupStatus).toHaveAttribute('data-next', 'due-now');
  await expect(settings.dialog.getByTestId('backup-next')).toContainText('Due now');
  await expect(settings.dialog.getByTestId('backup-every')).toHaveValue('12');
  await expect(settings.dialog.getByTestId('backup-keep')).toHaveValue('3');
  await saveScreen(page, testInfo, '81-backup-schedule');

  // The drive is not plugged in when the scheduled backup is due (run at once here, not a minute
  // later by the vault's timer): the attempt fails and Backup says so in plain words.
  const scheduleFolder = (await settings.scheduleFolder.textContent())!.trim();
  rmSync(scheduleFolder, { recursive: true });
  await host.services.backups.runIfDue();
  await settings.open('general');
  await settings.open('backup');
  await expect(settings.backupStatus).toHaveAttribute('data-last', 'failed');
  await expect(settings.dialog.getByTestId('backup-last')).toContainText('Is the drive connected?');
  await expect(settings.dialog.getByTestId('backup-last')).toContainText(/\d{4}/);
  await expect(settings.backupStatus).toHaveAttribute('data-next', 'at');
  await saveScreen(page, testInfo, '92-backup-drive-missing');

  // Verify from Security: every check listed; the full check adds the originals.
  await settings.open('security');
  await settings.dialog.getByTestId('security-verify').click();
  const verify = page.getByTestId('verify-audit-dialog');
  const result = verify.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(verify.getByTestId('verify-check')).toHaveCount(5);
  await expect(verify.locator('[data-check="originals"]')).toHaveAttribute('data-state', 'not-run');
  await verify.getByTestId('verify-deep').click();
  await expect(result).toHaveAttribute('data-deep', 'true');
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(verify.locator('[data-check="originals"]')).toHaveAttribute('data-state', 'ok');
  await expect(verify.locator('[data-state="failed"]')).toHaveCount(0);
  // What each check counted, worded from its facts (issue 14 item 3).
  await expect(verify.locator('[data-check="pages"]')).toContainText(/Pages checked: \d+\./);
  await expect(verify.locator('[data-check="originals"]')).toContainText('Originals compared: 1.');
  await saveScreen(page, testInfo, '82-verify-deep');
  await page.keyboard.press('Escape');
  await expect(verify).toBeHidden();

  // Wipe: nothing happens until the folder's name is typed exactly.
  const vaultDir = join(dataDir, 'Dalel Vault');
  const wipe = await settings.openWipe();
  await expect(wipe).toContainText('destroys the vault for good');
  const confirm = wipe.getByTestId('wipe-submit');
  await expect(confirm).toBeDisabled();
  await wipe.getByTestId('wipe-confirmation-input').fill('dalel vault');
  await expect(confirm).toBeDisabled();
  await wipe.getByTestId('wipe-confirmation-input').fill('Dalel Vault');
  await expect(confirm).toBeEnabled();
  await saveScreen(page, testInfo, '83-wipe-confirm');
  await confirm.click();

  const create = new CreateVaultPage(page);
  await expect(create.root).toBeVisible();
  await expect(page.getByTestId('wiped-notice')).toContainText('“Dalel Vault” was wiped');
  expect(existsSync(vaultDir)).toBe(false);
  await saveScreen(page, testInfo, '84-wiped-first-run');

  // Restore the backup into a new folder from the first-run screen, and open it.
  backupToPick.path = file;
  const restore = new RestorePage(page);
  await restore.start();
  await restore.root.getByTestId('restore-submit').click();
  await expect(restore.root.getByTestId('restore-problem')).toHaveText('Choose the backup file.');
  await restore.choose();
  await restore.restoreWith({ passphrase: 'steppe kettle orchard viola' });
  await expect(restore.error).toContainText('does not open the backup');
  await restore.restoreWith({ passphrase: PASSPHRASE });
  await expect(restore.report).toBeVisible({ timeout: 60_000 });
  await expect(restore.report.getByTestId('restore-report-documents')).toHaveText('1');
  await expect(restore.report.getByTestId('restore-report-date')).toHaveText(/\d{4}/);
  await expect(restore.checks).toHaveCount(4);
  await expect(restore.report.locator('[data-testid="restore-check"][data-state="ok"]')).toHaveCount(4);
  await expect(restore.report.locator('[data-check="originals"]')).toContainText('Originals compared: 1.');
  const restoredTo = (await restore.report.getByTestId('restore-report-vault').textContent())!.trim();
  expect(basename(restoredTo)).toMatch(/^restore-vault-/);
  await saveScreen(page, testInfo, '85-restore-report');

  await page.getByTestId('restore-open').click();
  await expect(library.root).toBeVisible();
  await expect(library.vaultPath).toContainText(basename(restoredTo));
  await expect(new DocumentsPage(page).card(APPEAL)).toBeVisible();
});

test('replace the key: a new recovery code is shown once, the old passphrase and code are refused, the new ones open', async ({ page, host }, testInfo) => {
  test.setTimeout(180_000);
  const firstCode = await createVault(page, host);
  const settings = new SettingsPage(page);
  const recovery = new RecoveryCodePage(page);
  const library = new LibraryPage(page);
  const unlock = new UnlockPage(page);

  // A wrong current passphrase changes nothing.
  await settings.rotateKey('not the passphrase at all', NEXT_PASSPHRASE);
  await expect(settings.dialog.getByTestId('rotate-key-error')).toBeVisible();

  await settings.dialog.getByTestId('rotate-current-input').fill(PASSPHRASE);
  await settings.dialog.getByTestId('rotate-key-submit').click();
  await expect(page.getByTestId('recovery-screen')).toHaveAttribute('data-reason', 'rotated', { timeout: 60_000 });
  const rotatedCode = await recovery.readCode();
  expect(rotatedCode).toMatch(RECOVERY_CODE_FORMAT);
  expect(rotatedCode).not.toBe(firstCode);
  await expect(page.getByRole('heading', { name: 'Your new recovery code' })).toBeVisible();
  await saveScreen(page, testInfo, '86-rotated-recovery-code');
  await recovery.confirmStored();
  await expect(library.root).toBeVisible();

  await library.lock();
  await unlock.unlockWithPassphrase(PASSPHRASE);
  await expect(unlock.error).toBeVisible();
  await unlock.unlockWithRecoveryCode(firstCode);
  await expect(unlock.error).toBeVisible();
  await unlock.modeToggle.click();
  await unlock.unlockWithPassphrase(NEXT_PASSPHRASE);
  await expect(library.root).toBeVisible();

  // A new recovery code alone: the one shown after the rotation stops working.
  await settings.newRecoveryCode(NEXT_PASSPHRASE);
  await expect(page.getByTestId('recovery-screen')).toHaveAttribute('data-reason', 'replaced');
  const replacedCode = await recovery.readCode();
  expect(replacedCode).not.toBe(rotatedCode);
  await recovery.confirmStored();
  await library.lock();
  await unlock.unlockWithRecoveryCode(rotatedCode);
  await expect(unlock.error).toBeVisible();
  await unlock.recoveryCode.fill(replacedCode);
  await unlock.submit.click();
  await expect(library.root).toBeVisible();
});

test('in Russian: back up, then restore from the unlock screen with the recovery code, with no English on the new screens', async ({ page, host, backupToPick }, testInfo) => {
  test.setTimeout(240_000);
  const code = await createVault(page, host);
  const library = new LibraryPage(page);
  const settings = new SettingsPage(page);
  await importAppeal(page);
  await library.chooseLanguage('ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');

  const report = await settings.backUpNow();
  await expect(report).toContainText('в ней 1 документ');
  await expectNoEnglish(settings.dialog, 'Settings → Backup, after a backup');
  const file = (await report.getByTestId('backup-report-file').textContent())!.trim();
  await settings.schedule(24, 7);
  await expect(settings.dialog.getByTestId('backup-every')).toContainText('Каждый день');
  await expectNoEnglish(settings.dialog, 'Settings → Backup, scheduled');
  await saveScreen(page, testInfo, '87-backup-ru');

  await settings.open('security');
  await expectNoEnglish(settings.dialog, 'Settings → Security');
  await saveScreen(page, testInfo, '91-security-ru');
  await settings.dialog.getByTestId('security-rotate-key').click();
  await expectNoEnglish(settings.dialog, 'Replace the key');
  await settings.dialog.getByTestId('rotate-key-form').getByRole('button', { name: 'Отмена' }).click();
  await settings.openWipe();
  await expectNoEnglish(settings.dialog, 'Wipe', ['Dalel Vault']);
  await saveScreen(page, testInfo, '88-wipe-ru');
  await settings.dialog.getByTestId('wipe-form').getByRole('button', { name: 'Отмена' }).click();
  await settings.dialog.getByTestId('security-verify').click();
  const verify = page.getByTestId('verify-audit-dialog');
  await verify.getByTestId('verify-deep').click();
  await expect(verify.getByTestId('verify-result')).toHaveAttribute('data-deep', 'true');
  await expect(verify.getByTestId('verify-result')).toHaveAttribute('data-status', 'ok');
  await expectNoEnglish(verify, 'Verify the vault, full check');
  await page.keyboard.press('Escape');

  await library.lock();
  await expect(new UnlockPage(page).root).toBeVisible();
  backupToPick.path = file;
  const restore = new RestorePage(page);
  await restore.start();
  await expectNoEnglish(restore.root, 'Restore');
  await restore.choose();
  await restore.restoreWith({ recoveryCode: code.toLowerCase().replaceAll('-', ' ') });
  await expect(restore.report).toBeVisible({ timeout: 60_000 });
  await expect(restore.report).toContainText('возвращён 1 документ');
  await expectNoEnglish(restore.root, 'Restore report');
  await saveScreen(page, testInfo, '89-restore-report-ru');
  await page.getByTestId('restore-open').click();
  await expect(library.root).toBeVisible();
  await expect(new DocumentsPage(page).card(APPEAL)).toBeVisible();
});

test('in Kazakh: an older copy of the vault put back is explained, and opens once the lawyer says it was on purpose', async ({ page, host, dataDir }, testInfo) => {
  test.setTimeout(180_000);
  await createVault(page, host);
  const library = new LibraryPage(page);
  const unlock = new UnlockPage(page);
  await library.chooseLanguage('kk');
  await library.lock();
  await expect(unlock.root).toBeVisible();

  // The database as it is now, kept aside; then the vault moves on (an unlock and a lock are audited).
  const vaultDir = join(dataDir, 'Dalel Vault');
  const older = join(dataDir, 'vault.db.older');
  copyFileSync(join(vaultDir, 'vault.db'), older);
  await unlock.unlockWithPassphrase(PASSPHRASE);
  await expect(library.root).toBeVisible();
  await library.lock();
  await expect(unlock.root).toBeVisible();

  // The older copy put back, as someone restoring a file-level copy of the folder would.
  copyFileSync(older, join(vaultDir, 'vault.db'));
  for (const name of readdirSync(vaultDir)) if (/^vault\.db-(wal|shm)$/.test(name)) rmSync(join(vaultDir, name));

  await unlock.unlockWithPassphrase(PASSPHRASE);
  const notice = page.getByTestId('rollback-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('data-reason', 'older');
  await expect(notice.getByTestId('rollback-heads')).toHaveText(/№ \d+.*№ \d+/);
  await expect(unlock.error).toBeHidden();
  await expect(library.root).toBeHidden();
  await expectNoEnglish(unlock.root, 'the rolled-back vault on the unlock screen');
  await saveScreen(page, testInfo, '90-rollback-kk');

  await notice.getByTestId('rollback-acknowledge').click();
  await expect(library.root).toBeVisible();
  const audit = await library.verifyAudit();
  await expect(audit.getByTestId('verify-result')).toHaveAttribute('data-status', 'ok');
  await expect(audit.locator('[data-check="anchor"]')).toHaveAttribute('data-state', 'ok');
});
