import { RegisterStore } from '../electron/core/tagging/registerStore';
import { createVault, expect, test } from './fixtures';
import { PersonsPage } from './pages/PersonsPage';
import { saveScreen } from './pages/screenshots';
import { ViewerPage } from './pages/ViewerPage';
import { seedDocuments } from './seedVault';

/**
 * Issue 14 item 4: the person page said "No document is tagged with this person yet" while six pages
 * named him. Now it lists the documents that name the person but are not tagged with them, in any
 * script and case form, with the words around the name; the lawyer reads them, ticks some and tags
 * them at once, and they move to the timeline. A document that only names his brother (the same
 * surname) or a namesake (the same given name) is not listed. Documents are put in place directly
 * (no OCR): the import journeys show reading.
 */

const NURLAN = 'Nurlan Askaruly';
const REFUSAL = 'Отказ в постоянном проживании';
const APPLICATION = 'Өтініш';
const RULING = 'Court ruling';
const CERTIFICATE = 'Удостоверение беженца';
const BROTHER = 'Показания брата';
const DOCUMENTS = [
  { title: REFUSAL, text: 'Министерство внутренних дел Республики Казахстан. Гражданину КНР Аскарулы Нурлану. В выдаче разрешения на постоянное проживание отказано.' },
  { title: APPLICATION, text: 'Көші-қон қызметіне. Нұрлан Асқарұлының өтініші бойынша шешім қабылданды.' },
  { title: RULING, text: 'The court heard the applicant, Mr Nurlan Askaruly, in person, and his counsel.' },
  { title: CERTIFICATE, text: 'Удостоверение беженца № 000134 выдано Аскарулы Н. сроком на один год.' },
  { title: BROTHER, text: 'Заявитель: Серик Аскарулы, брат. Свидетель Нурлан Серикбаев подтвердил его слова.' },
];

test('the person page lists the documents that name him, untagged; two tagged at once move to the timeline', async ({ page, host }, testInfo) => {
  await createVault(page, host);
  const vault = host.session.vault();
  const db = vault.db;
  await seedDocuments(vault, DOCUMENTS);
  RegisterStore.open(db, () => new Date()).createPerson({ id: 'P-NURLAN', name: NURLAN, variants: ['Нұрлан Асқарұлы'], role: 'client', protected: true });

  const persons = new PersonsPage(page);
  await persons.open();
  await persons.openPerson(NURLAN);

  // Nothing is tagged with him, but four documents name him: the page says so instead of "nothing".
  await expect(persons.timelineEntries).toHaveCount(0);
  await expect(persons.timeline.getByTestId('timeline-empty')).toHaveText(/4 documents name them/);
  await expect(persons.mentions).toHaveCount(4);
  for (const title of [REFUSAL, APPLICATION, RULING, CERTIFICATE]) await expect(persons.mention(title)).toHaveCount(1);
  await expect(persons.mention(BROTHER)).toHaveCount(0);
  // each page with the words around the name, the name as that page spells it marked
  await expect(persons.mention(REFUSAL).locator('mark')).toHaveText(['Аскарулы Нурлану']);
  await expect(persons.mention(APPLICATION).locator('mark')).toHaveText(['Нұрлан Асқарұлының']);
  await expect(persons.mention(CERTIFICATE).getByTestId('person-mention-snippet')).toContainText('выдано Аскарулы Н. сроком');
  await saveScreen(page, testInfo, '60-person-mentions');

  // None is ticked to begin with; "Select all" ticks them all and, again, none.
  const tag = persons.mentionsSection.getByTestId('person-mentions-tag');
  const selectAll = persons.mentionsSection.getByTestId('person-mentions-select-all');
  await expect(tag).toBeDisabled();
  await selectAll.check();
  await expect(persons.mentions.getByTestId('person-mention-select')).toHaveCount(4);
  for (const box of await persons.mentions.getByTestId('person-mention-select').all()) await expect(box).toBeChecked();
  await selectAll.uncheck();
  await expect(tag).toBeDisabled();

  // A page opens in the viewer, the name marked; back on the person page nothing has changed.
  await persons.mention(RULING).getByTestId('person-mention-open').click();
  const viewer = new ViewerPage(page);
  await expect(viewer.image).toBeVisible();
  await expect(page.getByTestId('hit-bar')).toBeVisible();
  await viewer.back.click();
  await expect(persons.mentions).toHaveCount(4);

  // Two tagged at once: they leave the list and are on the timeline.
  await persons.tagMentioned([REFUSAL, RULING]);
  await expect(persons.mentionsSection.getByTestId('person-mentions-status')).toHaveText(`2 documents tagged with ${NURLAN}: they are on the timeline now.`);
  await expect(persons.mentions).toHaveCount(2);
  await expect(persons.mention(REFUSAL)).toHaveCount(0);
  await expect(persons.mention(RULING)).toHaveCount(0);
  await expect(persons.timelineEntries).toHaveCount(2);
  await expect(persons.timelineEntries.filter({ hasText: REFUSAL })).toHaveCount(1);
  await expect(persons.timelineEntries.filter({ hasText: RULING })).toHaveCount(1);
  await expect(persons.mentions.getByTestId('person-mention-select').first()).not.toBeChecked();
  await saveScreen(page, testInfo, '61-person-mentions-tagged');
});
