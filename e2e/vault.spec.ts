import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVault, expect, PASSPHRASE, test } from './fixtures';
import { CreateVaultPage } from './pages/CreateVaultPage';
import { LibraryPage } from './pages/LibraryPage';
import { RECOVERY_CODE_FORMAT, RecoveryCodePage } from './pages/RecoveryCodePage';
import { saveScreen } from './pages/screenshots';
import { UnlockPage } from './pages/UnlockPage';

/**
 * The vault journeys in the built renderer against the loopback test host (real core, real Argon2id
 * at the floor parameters). Run `npx electron-vite build` first: the host serves out/renderer.
 */

test('create a vault, keep the recovery code, lock, mistype, unlock', async ({ page, host, dataDir }, testInfo) => {
  const create = new CreateVaultPage(page);
  const recovery = new RecoveryCodePage(page);
  const library = new LibraryPage(page);
  const unlock = new UnlockPage(page);

  await page.goto(host.url);
  await expect(create.root).toBeVisible();
  await expect(create.folder).toHaveValue(join(dataDir, 'Dalel Vault'));
  await saveScreen(page, testInfo, '01-create-vault');

  // A long but common password is refused with a reason, and nothing is created.
  await create.fill('password1234');
  await create.expectRated();
  await create.submit.click();
  await expect(create.passphraseProblem).toBeVisible();
  await expect(create.root).toBeVisible();
  await saveScreen(page, testInfo, '02-create-vault-weak-refused');

  await create.fill(PASSPHRASE);
  await create.expectRated();
  await expect(create.strength).toHaveAttribute('data-score', /^[34]$/);
  await expect(create.passphraseProblem).toBeHidden();
  await saveScreen(page, testInfo, '03-create-vault-strong');
  await create.submit.click();

  const code = await recovery.readCode();
  expect(code).toMatch(RECOVERY_CODE_FORMAT);
  await expect(recovery.continueButton).toBeDisabled();
  // saved as a file where the save dialog says (the test host answers it with a folder of its own)
  await page.getByTestId('recovery-save-button').click();
  await expect(page.getByTestId('recovery-save-status')).toContainText('Saved in');
  const savedAt = (await page.getByTestId('recovery-save-status').textContent())!.match(/Saved in (.+?\.txt)/)![1]!;
  expect(readFileSync(savedAt, 'utf8')).toContain(code);
  // on screen the code never breaks inside a group
  const halves = await page.getByTestId('recovery-code').locator('.recovery-half').allTextContents();
  expect(halves.join('-')).toBe(code);
  await saveScreen(page, testInfo, '04-recovery-code');
  await recovery.confirmStored();

  await expect(library.root).toBeVisible();
  await expect(library.vaultPath).toContainText('Dalel Vault');
  await expect(library.empty).toBeVisible();
  await saveScreen(page, testInfo, '05-library-empty');

  const audit = await library.verifyAudit();
  await expect(audit.getByTestId('verify-result')).toHaveAttribute('data-status', 'ok');
  await saveScreen(page, testInfo, '06-verify-audit-log');
  await page.keyboard.press('Escape');
  await expect(audit).toBeHidden();

  await library.lock();
  await expect(unlock.root).toBeVisible();
  await expect(unlock.vaultPath).toHaveText(join(dataDir, 'Dalel Vault'));
  await saveScreen(page, testInfo, '07-unlock');

  await unlock.unlockWithPassphrase('steppe kettle orchard viola');
  await expect(unlock.error).toBeVisible();
  await expect(unlock.root).toBeVisible();
  await expect(library.root).toBeHidden();
  await saveScreen(page, testInfo, '08-unlock-wrong-passphrase');

  await unlock.unlockWithPassphrase(PASSPHRASE);
  await expect(library.root).toBeVisible();
  await expect(unlock.root).toBeHidden();
});

test('unlock with the recovery code, typed loosely', async ({ page, host }, testInfo) => {
  const code = await createVault(page, host);
  const library = new LibraryPage(page);
  const unlock = new UnlockPage(page);
  await library.lock();

  await unlock.modeToggle.click();
  // Lower case and spaces instead of dashes, as someone copying it from paper might type it.
  await unlock.recoveryCode.fill(code.toLowerCase().replaceAll('-', ' '));
  await saveScreen(page, testInfo, '09-unlock-recovery-code');
  await unlock.submit.click();
  await expect(library.root).toBeVisible();

  // the passphrase is forgotten: a new one is asked for at once, without it
  const dialog = page.getByTestId('change-passphrase-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('change-passphrase-after-recovery')).toBeVisible();
  await expect(dialog.getByTestId('current-passphrase-input')).toHaveCount(0);
  const next = 'a new passphrase after the recovery, 2026';
  await dialog.getByTestId('new-passphrase-input').fill(next);
  await dialog.getByTestId('new-passphrase-confirm-input').fill(next);
  await dialog.getByTestId('change-passphrase-submit').click();
  await expect(dialog.getByTestId('change-passphrase-done')).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // the new passphrase opens the vault
  await library.lock();
  await unlock.unlockWithPassphrase(next);
  await expect(library.root).toBeVisible();
});

test('a wrong recovery code is refused', async ({ page, host }) => {
  const code = await createVault(page, host);
  const unlock = new UnlockPage(page);
  await new LibraryPage(page).lock();

  const wrong = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
  await unlock.unlockWithRecoveryCode(wrong);
  await expect(unlock.error).toBeVisible();
  await expect(unlock.root).toBeVisible();
});

test('an idle lock says why the vault was locked', async ({ page, host }, testInfo) => {
  await createVault(page, host);
  const unlock = new UnlockPage(page);

  // What the core's idle timer does after the configured minutes, without waiting ten of them.
  await host.session.lock('idle');
  await expect(unlock.root).toBeVisible();
  await expect(unlock.notice).toContainText('10');
  await saveScreen(page, testInfo, '10-unlock-after-idle');
});

test('folders come from the folder dialog', async ({ page, host }) => {
  const create = new CreateVaultPage(page);
  const library = new LibraryPage(page);
  const unlock = new UnlockPage(page);
  await page.goto(host.url);

  // The test host's "dialog" answers with a new empty folder, as if the lawyer had made one.
  await page.getByTestId('choose-folder-button').click();
  await expect(create.folder).toHaveValue(/picked\/create-vault-\d+$/);
  const chosen = await create.folder.inputValue();
  await create.create(PASSPHRASE);
  await new RecoveryCodePage(page).confirmStored();
  await expect(library.vaultPath).toContainText(chosen);

  await library.lock();
  await page.getByTestId('open-other-vault').click();
  await expect(unlock.vaultPath).toHaveText(/picked\/open-vault-\d+$/);
  await unlock.unlockWithPassphrase(PASSPHRASE);
  await expect(unlock.error).toContainText('There is no Dalel vault in this folder');
});

test('change the passphrase, then only the new one unlocks', async ({ page, host, requests }, testInfo) => {
  await createVault(page, host);
  const library = new LibraryPage(page);
  const unlock = new UnlockPage(page);
  const next = 'lantern saddle apricot glacier';

  const dialog = await library.changePassphrase('not the passphrase at all', next);
  await expect(dialog.getByTestId('change-passphrase-error')).toBeVisible();
  await saveScreen(page, testInfo, '15-change-passphrase-wrong-current');

  await library.changePassphrase(PASSPHRASE, next);
  await expect(dialog.getByTestId('change-passphrase-done')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // Clicks and keys while the vault is open are reported, so auto-lock counts real idleness.
  expect(requests.some((url) => url.endsWith('/ipc/session%3Aactivity'))).toBe(true);

  await library.lock();
  await unlock.unlockWithPassphrase(PASSPHRASE);
  await expect(unlock.error).toBeVisible();
  await unlock.unlockWithPassphrase(next);
  await expect(library.root).toBeVisible();
});

test('the interface language is kept in settings', async ({ page, host }, testInfo) => {
  await createVault(page, host);
  const library = new LibraryPage(page);
  const unlock = new UnlockPage(page);

  const settings = await library.openSettings();
  await saveScreen(page, testInfo, '11-settings');
  await settings.getByRole('button', { name: 'Cancel' }).click();
  await expect(settings).toBeHidden();
  await expect(page.getByTestId('settings-button')).toBeFocused();

  await library.chooseLanguage('ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(library.lockButton).toHaveText('Заблокировать');
  await saveScreen(page, testInfo, '12-library-ru');

  await library.chooseLanguage('kk');
  await library.lock();
  await page.reload();
  await expect(unlock.root).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(unlock.submit).toHaveText('Құлпын ашу');
  await unlock.unlockWithPassphrase('қате құпия фраза');
  await expect(unlock.error).toBeVisible();
  await saveScreen(page, testInfo, '13-unlock-kk-wrong-passphrase');

  // The error on screen follows a change of language: it is said again, not kept in Kazakh.
  const kazakh = await unlock.error.innerText();
  await page.getByTestId('language-select').selectOption('ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(unlock.error).toContainText('Неверная');
  expect(await unlock.error.innerText()).not.toBe(kazakh);
});

test('the first-run screen can be switched to Kazakh, and stays so', async ({ page, host }, testInfo) => {
  const create = new CreateVaultPage(page);
  await page.goto(host.url);
  await expect(create.root).toBeVisible();

  await page.getByTestId('language-select').selectOption('kk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(create.submit).toHaveText('Қойма құру');
  await create.fill('қарлығаш123', 'қарлығаш124');
  await create.submit.click();
  await expect(page.getByTestId('confirmation-problem')).toHaveText('Екі құпия фраза бірдей емес.');
  await saveScreen(page, testInfo, '14-create-vault-kk');

  await page.reload();
  await expect(create.root).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
});
