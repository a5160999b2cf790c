import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { startTestHost, type TestHost } from './host/server';
import { CasesPage } from './pages/CasesPage';
import { CreateVaultPage } from './pages/CreateVaultPage';
import { DeadlinesPage } from './pages/DeadlinesPage';
import { DocumentsPage } from './pages/DocumentsPage';
import { ImportPage } from './pages/ImportPage';
import { LibraryPage } from './pages/LibraryPage';
import { PersonsPage } from './pages/PersonsPage';
import { RecoveryCodePage } from './pages/RecoveryCodePage';
import { saveScreen } from './pages/screenshots';
import { SuggestionsPage } from './pages/SuggestionsPage';
import { ViewerPage } from './pages/ViewerPage';

/**
 * Tagging a case from the letters, in the built renderer against the loopback test host (real core,
 * OCR and extractors, nothing mocked): accept what Dalel suggests, see it on the person's timeline and
 * the certificate's end on the deadlines dashboard. Run `npx electron-vite build` first.
 */
const KDF = { name: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 } as const;
const PASSPHRASE = 'steppe kettle orchard violin';
const CORPUS = join(__dirname, '..', '..', 'shared', 'corpus');

/** A refusal of permanent residence citing subparagraph 1) of Article 49 of Law No. 477-IV, to Аскарулы Н. */
const REFUSAL = 'scan_0001.jpg';
/** The extension of Aigerim's refugee certificate, valid until 03.06.2022 (long past: overdue today). */
const EXTENSION = 'scan_0013.jpg';
const AIGERIM = 'Aigerim Dauletkyzy';
const CASE_TITLE = 'Dauletkyzy: appeal of the refusal';
const SPELLINGS = ['Айгерим Даулеткызы', 'Әйгерім Дәулетқызы'];
const VALID_UNTIL = '03/06/2022';
const LETTER_DATE = '31/05/2021';

const OCR_TIMEOUT = 180_000;

const KNOWN_CONSOLE_NOISE = [/'frame-ancestors' is ignored when delivered via a <meta> element/, /^Failed to load resource/];

let host: TestHost | undefined;
let dataDir: string;
let requests: string[];
let consoleProblems: string[];

function theHost(): TestHost {
  if (!host) throw new Error('The test host did not start.');
  return host;
}

/** The facts the journey relies on, from the corpus's truth files, so a changed corpus fails here first. */
function corpusSaysWhatTheJourneyExpects(): void {
  const refusal = JSON.parse(readFileSync(join(CORPUS, 'scan_0001.truth.json'), 'utf8')) as { laws_normalized: { law: string; article: string }[] };
  expect(refusal.laws_normalized).toContainEqual({ law: 'KZ-477-IV', article: '49' });
  const extension = JSON.parse(readFileSync(join(CORPUS, 'scan_0013.truth.json'), 'utf8')) as { valid_until: string; page_text: string[] };
  expect(extension.valid_until).toBe('2022-06-03');
  expect(extension.page_text[0]).toContain('Даулеткызы Айгерим');
}

test.beforeEach(async ({ page }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'dalel-e2e-tagging-'));
  host = await startTestHost({ dataDir, kdf: KDF });
  requests = [];
  consoleProblems = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) consoleProblems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('pageerror', (error) => consoleProblems.push(`page error: ${error.message}`));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    if (KNOWN_CONSOLE_NOISE.some((noise) => noise.test(message.text()))) return;
    consoleProblems.push(`${message.type()}: ${message.text()}`);
  });
});

test.afterEach(async () => {
  if (!host) return;
  const { origin } = host;
  await host.close();
  host = undefined;
  rmSync(dataDir, { recursive: true, force: true });
  // Names of clients and relatives: nothing leaves this computer.
  expect(requests.length).toBeGreaterThan(0);
  for (const url of requests) expect(new URL(url).origin, url).toBe(origin);
  expect(consoleProblems).toEqual([]);
});

async function createVault(page: Page): Promise<void> {
  const create = new CreateVaultPage(page);
  await page.goto(theHost().url);
  await expect(create.root).toBeVisible();
  await create.create(PASSPHRASE);
  await new RecoveryCodePage(page).confirmStored();
  await expect(new LibraryPage(page).root).toBeVisible();
}

test('accept a suggested law and persons, see the letter on the person’s timeline and the certificate’s end on the dashboard', async ({ page }, testInfo) => {
  test.setTimeout(2 * OCR_TIMEOUT + 180_000);
  corpusSaysWhatTheJourneyExpects();
  const imports = new ImportPage(page);
  const documents = new DocumentsPage(page);
  const viewer = new ViewerPage(page);
  const suggestions = new SuggestionsPage(page);
  const persons = new PersonsPage(page);
  const deadlines = new DeadlinesPage(page);
  await createVault(page);

  // A fresh vault has nothing due, and says so.
  await expect(deadlines.dashboard).toBeVisible();
  await expect(deadlines.none).toContainText('Nothing is due in the next 60 days');

  await imports.dragFiles([join(CORPUS, REFUSAL), join(CORPUS, EXTENSION)]);
  await expect(imports.row(REFUSAL)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await expect(imports.row(EXTENSION)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await expect(documents.card(EXTENSION)).toHaveAttribute('data-status', 'ready');

  // The client, with her name as Russian and Kazakh letters spell it.
  await persons.open();
  await persons.add({ name: AIGERIM, spellings: SPELLINGS });
  await expect(persons.card(AIGERIM)).toContainText('2 other spellings');
  await persons.backToDocuments();
  await expect(documents.card(REFUSAL)).toBeVisible();

  // The refusal: the law it cites, found and normalised; shown where the letter says it.
  await documents.card(REFUSAL).click();
  await expect(viewer.image).toBeVisible();
  await suggestions.open();
  const law = suggestions.ofKind('law').filter({ hasText: '477-IV' }).filter({ hasText: 'article 49' }).first();
  await expect(law).toBeVisible();
  await expect(law).toContainText('On Migration of Population');
  await law.getByTestId('suggestion-show').click();
  await expect(law).toHaveAttribute('data-selected', 'true');
  await expect(suggestions.box).toBeVisible();
  await saveScreen(page, testInfo, '50-suggestions-panel');
  await suggestions.accept(law);
  await expect(suggestions.tagsOfKind('law').filter({ hasText: 'article 49' })).toHaveCount(1);
  await expect(suggestions.tagsOfKind('law').first()).toHaveAttribute('data-source', 'suggested');

  // Its addressee is nobody in the register yet: accepted as a new person, named as the letter spells it.
  const addressee = suggestions.ofKind('person').filter({ hasText: 'Аскарулы' }).first();
  await expect(addressee).toHaveAttribute('data-known', 'false');
  await expect(addressee).toContainText('Unknown name «Аскарулы');
  await suggestions.acceptAsNewPerson(addressee);
  await expect(suggestions.tagsOfKind('person').filter({ hasText: 'Аскарулы' })).toHaveCount(1);
  await viewer.back.click();

  // The extension letter names Aigerim in Cyrillic only: matched to her, and its validity end read.
  await documents.card(EXTENSION).click();
  await expect(viewer.image).toBeVisible();
  await suggestions.open();
  const her = suggestions.ofKind('person').filter({ hasText: AIGERIM }).first();
  await expect(her).toHaveAttribute('data-known', 'true');
  await expect(her).toContainText('written «');
  await suggestions.accept(her);
  const validity = suggestions.ofKind('valid-until').filter({ hasText: VALID_UNTIL });
  await expect(validity).toHaveCount(1);
  await suggestions.accept(validity);
  // Its date puts it in its place on her timeline.
  const dated = suggestions.ofKind('document-date').filter({ hasText: LETTER_DATE });
  await expect(dated).toHaveCount(1);
  await suggestions.accept(dated);
  await expect(suggestions.tagsOfKind('person').filter({ hasText: AIGERIM })).toHaveCount(1);
  await expect(suggestions.tagsOfKind('valid-until')).toContainText(`Valid until ${VALID_UNTIL}`);
  await viewer.back.click();

  // Her page: both spellings, the letter on her timeline with its validity end, and the deadline.
  await persons.open();
  await persons.openPerson(AIGERIM);
  await expect(persons.spellings).toHaveText(SPELLINGS);
  await expect(persons.timelineEntries).toHaveCount(1);
  await expect(persons.timelineEntries.first()).toContainText(`Valid until ${VALID_UNTIL}`);
  await expect(persons.timelineEntries.first()).toContainText(LETTER_DATE);
  await expect(persons.deadlines).toHaveCount(1);
  await expect(persons.deadlines.first()).toHaveAttribute('data-urgency', 'overdue');
  await saveScreen(page, testInfo, '51-person-timeline');

  // The timeline opens the letter, and back returns to her page.
  await persons.timelineEntries.first().getByTestId('timeline-open').click();
  await expect(viewer.image).toBeVisible();
  await expect(viewer.back).toHaveText(/Back to the person/);
  await viewer.back.click();
  await expect(persons.name).toHaveText(AIGERIM);

  // The dashboard: her certificate ran out on 03.06.2022, so it is overdue and listed first.
  await persons.backToDocuments();
  await expect(deadlines.dashboard).toBeVisible();
  const hers = deadlines.forPerson(AIGERIM);
  await expect(hers).toHaveCount(1);
  await expect(deadlines.rows.first()).toHaveAttribute('data-due', '2022-06-03');
  await expect(hers).toHaveAttribute('data-urgency', 'overdue');
  await expect(hers.getByTestId('deadline-left')).toHaveText(/^overdue by \d+ days$/);
  // However short the window, an overdue deadline stays on the list.
  await deadlines.window.selectOption('30');
  await expect(hers).toHaveCount(1);
  await saveScreen(page, testInfo, '52-deadlines-dashboard');

  // A deadline typed by hand, for her: listed after the overdue one, counted in days; ticked off when done.
  const inTwelveDays = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
  await deadlines.add({ due: inTwelveDays, title: 'Appeal the refusal', person: AIGERIM });
  const appeal = deadlines.rows.filter({ hasText: 'Appeal the refusal' });
  await expect(deadlines.rows).toHaveCount(2);
  await expect(deadlines.rows.nth(1)).toContainText('Appeal the refusal');
  await expect(appeal.getByTestId('deadline-left')).toHaveText(/^in 1[123] days$/);
  await appeal.getByTestId('deadline-done').check();
  await expect(appeal).toHaveAttribute('data-done', 'true');

  // From the dashboard to her page.
  await deadlines.rows.first().getByTestId('deadline-person').click();
  await expect(persons.name).toHaveText(AIGERIM);

  // A case for her appeal: she and the refusal go in it, and the library narrows to it.
  const cases = new CasesPage(page);
  await cases.open();
  await cases.openNew(CASE_TITLE, 'Refused under article 49');
  await cases.backToDocuments();
  await documents.card(REFUSAL).click();
  await expect(viewer.image).toBeVisible();
  await cases.addTo.selectOption({ label: CASE_TITLE });
  await expect(cases.addedStatus).toContainText(CASE_TITLE);
  await viewer.back.click();
  await persons.open();
  await persons.openPerson(AIGERIM);
  await cases.addTo.selectOption({ label: CASE_TITLE });
  await expect(cases.addedStatus).toContainText(CASE_TITLE);
  await persons.backToDocuments();

  await cases.libraryFilter.selectOption({ label: CASE_TITLE });
  await expect(documents.cards).toHaveCount(1);
  await expect(documents.card(REFUSAL)).toBeVisible();
  await cases.clearFilters.click();
  await expect(documents.cards).toHaveCount(2);

  // The case's page lists both; the letter opens from it, and comes out of it again.
  await cases.open();
  await expect(cases.cards.filter({ hasText: CASE_TITLE })).toContainText('1 person');
  await cases.cards.filter({ hasText: CASE_TITLE }).click();
  await expect(cases.persons).toHaveText([new RegExp(AIGERIM)]);
  await expect(cases.documents).toHaveCount(1);
  await cases.documents.first().getByRole('button').first().click();
  await expect(viewer.back).toHaveText(/Back to the case/);
  await viewer.back.click();
  await cases.documents.first().getByTestId('case-document-remove').click();
  await expect(cases.documents).toHaveCount(0);
});
