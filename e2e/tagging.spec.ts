import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, createVault, expect, OCR_TIMEOUT, test } from './fixtures';
import { CasesPage } from './pages/CasesPage';
import { saveScreen } from './pages/screenshots';
import { journeyPages } from './pages/journeyPages';

/**
 * Tagging a case from the letters, in the built renderer against the loopback test host (real core,
 * OCR and extractors, nothing mocked): accept what Dalel suggests, see it on the person's timeline and
 * the certificate's end on the deadlines dashboard. Run `npx electron-vite build` first.
 */

/** A refusal of permanent residence citing subparagraph 1) of Article 49 of Law No. 477-IV, to Аскарулы Н. */
const REFUSAL = 'scan_0001.jpg';
/** The extension of Aigerim's refugee certificate, valid until 03.06.2022 (long past: overdue today). */
const EXTENSION = 'scan_0013.jpg';
const AIGERIM = 'Aigerim Dauletkyzy';
const CASE_TITLE = 'Dauletkyzy: appeal of the refusal';
const SPELLINGS = ['Айгерим Даулеткызы', 'Әйгерім Дәулетқызы'];
const VALID_UNTIL = '3 Jun 2022';
const LETTER_DATE = '31 May 2021';

/** The facts the journey relies on, from the corpus's truth files, so a changed corpus fails here first. */
function corpusSaysWhatTheJourneyExpects(): void {
  const refusal = JSON.parse(readFileSync(join(CORPUS, 'scan_0001.truth.json'), 'utf8')) as { laws_normalized: { law: string; article: string }[] };
  expect(refusal.laws_normalized).toContainEqual({ law: 'KZ-477-IV', article: '49' });
  const extension = JSON.parse(readFileSync(join(CORPUS, 'scan_0013.truth.json'), 'utf8')) as { valid_until: string; page_text: string[] };
  expect(extension.valid_until).toBe('2022-06-03');
  expect(extension.page_text[0]).toContain('Даулеткызы Айгерим');
}

test('accept a suggested law and persons, see the letter on the person’s timeline and the certificate’s end on the dashboard', async ({ page, host }, testInfo) => {
  test.setTimeout(2 * OCR_TIMEOUT + 180_000);
  corpusSaysWhatTheJourneyExpects();
  const { imports, documents, viewer, suggestions, persons, deadlines } = journeyPages(page);
  await createVault(page, host);

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

/** Entered twice: once as her English letters spell her, once as a Kazakh form abbreviated her. */
const DUPLICATE = 'Әйгерім Д.';
const FOREIGNERS = { number: '2337-XII', en: 'On the Legal Status of Foreigners', ru: 'О правовом положении иностранцев', kk: 'Шетелдіктердің құқықтық жағдайы туралы' };
const FOREIGN_CITIZENS = 'On the Legal Status of Foreign Citizens';

test('edit and merge persons, extend the law register, tag a letter by hand, see its cases; suggestions follow OCR read again', async ({ page, host, requests }, testInfo) => {
  test.setTimeout(2 * OCR_TIMEOUT + 180_000);
  corpusSaysWhatTheJourneyExpects();
  const { imports, documents, viewer, suggestions, persons, laws, cases } = journeyPages(page);
  await createVault(page, host);

  // A first look at the letter reads it for suggestions, against a register with nobody in it.
  await imports.dragFiles([join(CORPUS, EXTENSION)]);
  await expect(imports.row(EXTENSION)).toHaveAttribute('data-status', 'imported', { timeout: OCR_TIMEOUT });
  await documents.card(EXTENSION).click();
  await suggestions.open();
  await expect(suggestions.ofKind('person').filter({ hasText: AIGERIM })).toHaveCount(0);
  await viewer.back.click();

  // Her, and the same woman entered a second time.
  await persons.open();
  await persons.add({ name: AIGERIM, spellings: [SPELLINGS[0]!] });
  await persons.add({ name: DUPLICATE, spellings: [], role: 'relative' });

  // Her page: what the register says of her changes after she was added; a mistyped spelling comes off.
  await persons.openPerson(AIGERIM);
  await persons.edit({ dateOfBirth: '1986-11-02', notes: 'Refugee certificate extended yearly.', protected: true });
  await saveScreen(page, testInfo, '53-person-edit');
  await persons.saveEdit();
  await expect(persons.protectedBadge).toBeVisible();
  await expect(persons.notes).toHaveText('Refugee certificate extended yearly.');
  await expect(persons.personPage).toContainText('born 2 Nov 1986');
  await persons.addSpelling('Aigerim Dauletkizi');
  await persons.removeSpelling('Aigerim Dauletkizi');
  await expect(persons.spellings).toHaveText([SPELLINGS[0]!]);

  // A case for her appeal, which the duplicate record is put in.
  await cases.open();
  await cases.openNew(CASE_TITLE);
  await cases.backToDocuments();
  await persons.open();
  await persons.openPerson(DUPLICATE);
  await expect(cases.memberOf).toHaveCount(0);
  await cases.addTo.selectOption({ label: CASE_TITLE });
  await expect(cases.memberOfTitles).toHaveText([CASE_TITLE]);

  // Merged from the duplicate's page into her record, after reading what will happen.
  const summary = await persons.chooseMerge(AIGERIM, 'other');
  await expect(summary).toContainText(`«${DUPLICATE}» will be merged into «${AIGERIM}»`);
  await expect(summary).toContainText(`1 spelling of «${DUPLICATE}» (its name included) becomes a spelling of «${AIGERIM}»`);
  await expect(summary).toContainText('the relations, the tagged documents, the deadlines and the cases');
  await expect(summary).toContainText('This cannot be undone.');
  await saveScreen(page, testInfo, '54-merge-confirm');
  await persons.confirmMerge();
  await expect(persons.name).toHaveText(AIGERIM);
  await expect(persons.spellings).toHaveText([SPELLINGS[0]!, DUPLICATE]);
  await expect(cases.memberOfTitles).toHaveText([CASE_TITLE]);
  await page.getByTestId('person-back').click();
  await expect(persons.cards).toHaveCount(1);
  await persons.backToDocuments();

  // The law register takes a law the casework needs, and a corrected title.
  await laws.open();
  await laws.add(FOREIGNERS);
  await laws.edit(FOREIGNERS.en, { en: FOREIGN_CITIZENS });
  await expect(laws.card(FOREIGN_CITIZENS)).toContainText(`№ ${FOREIGNERS.number}`);
  await expect(laws.card(FOREIGNERS.en)).toHaveCount(0);
  await saveScreen(page, testInfo, '55-law-register');
  await laws.backToDocuments();

  // The letter's suggestions were read before she was in the register. The register changed since, so
  // opening the letter shows her at once, without anyone pressing "Read again" (issue 13).
  const readsAsked = () => requests.filter((url) => url.endsWith('/ipc/tags%3Asuggest')).length;
  const shown = () => requests.filter((url) => url.endsWith('/ipc/tags%3AforDocument')).length;
  const askedBefore = readsAsked();
  await documents.card(EXTENSION).click();
  await expect(viewer.image).toBeVisible();
  await suggestions.open();
  const her = suggestions.ofKind('person').filter({ hasText: AIGERIM });
  await expect(her.first()).toHaveAttribute('data-known', 'true');
  expect(readsAsked()).toBe(askedBefore);

  // OCR run again: when the page is read, the core reads it for suggestions and the open panel shows
  // them anew, her still among them, without anyone pressing "Read again".
  const shownBefore = shown();
  await viewer.rerun.click();
  await page.getByTestId('rerun-ocr-submit').click();
  await expect.poll(shown, { timeout: OCR_TIMEOUT }).toBeGreaterThan(shownBefore);
  await expect(her.first()).toHaveAttribute('data-known', 'true');
  expect(readsAsked()).toBe(askedBefore);
  await suggestions.accept(her.first());
  const herTag = suggestions.tagsOfKind('person').filter({ hasText: AIGERIM });
  await expect(herTag.getByTestId('document-tag-provenance')).toContainText('Suggested, accepted by the lawyer on');

  // Tagged by hand: the new law with an article, a type and a date, each saying who added it.
  await suggestions.addByHand({ law: `${FOREIGN_CITIZENS} № ${FOREIGNERS.number}`, article: 'Article 12' });
  const byHand = suggestions.tagsOfKind('law').filter({ hasText: FOREIGN_CITIZENS });
  await expect(byHand).toContainText('article 12');
  await expect(byHand).toHaveAttribute('data-source', 'manual');
  await expect(byHand.getByTestId('document-tag-provenance')).toContainText('Added by hand by the lawyer on');
  await suggestions.addByHand({ type: 'ruling' });
  await expect(suggestions.tagsOfKind('type')).toContainText('ruling');
  await suggestions.addByHand({ date: '2021-05-31' });
  await expect(suggestions.tagsOfKind('document-date')).toContainText(LETTER_DATE);
  await saveScreen(page, testInfo, '56-manual-tags');
  await suggestions.removeTag(suggestions.tagsOfKind('type'));
  await expect(suggestions.tagsOfKind('type')).toHaveCount(0);

  // "Add to case…" says which cases the letter is in, and takes it out of one.
  await expect(cases.memberOf).toHaveCount(0);
  await cases.addTo.selectOption({ label: CASE_TITLE });
  await expect(cases.memberOfTitles).toHaveText([CASE_TITLE]);
  await saveScreen(page, testInfo, '57-document-cases');
  await cases.takeOutOf(CASE_TITLE);
  await expect(cases.addedStatus).toHaveText(`Taken out of «${CASE_TITLE}»`);
  await expect(cases.addTo).toBeVisible();
});
