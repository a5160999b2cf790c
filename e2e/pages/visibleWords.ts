import { expect, type Locator } from '@playwright/test';

/**
 * Words in Latin letters still on screen once what is rightly Latin is taken out: the app's name, the
 * language's own name in the language menu, file paths, recovery codes, SHA-256 fingerprints. In a
 * Russian or Kazakh window, anything left is English that was never translated. `screen` is the dialog
 * or screen the journey looks at: the documents behind a dialog have titles in any language; `names`
 * are the lawyer's own names the screen shows back.
 */
const RIGHTLY_LATIN = [/\bDalel\b/g, /\bEnglish\b/g, /\bSHA-256\b/g, /\bUSB\b/g, /\bCaps Lock\b/g];

export async function expectNoEnglish(screen: Locator, where: string, names: string[] = []): Promise<void> {
  const text = await screen.innerText();
  // the lawyer's own names shown back (a folder's name to type), in whatever letters they were written
  let rest = names.reduce((left, name) => left.replaceAll(name, ' '), text)
    // paths (POSIX and Windows), as the screens show folders and files
    .replace(/(?:[A-Za-z]:\\|\/)[^\n]*/g, ' ')
    // recovery codes and fingerprints
    .replace(/\b(?:[0-9A-Z]{4}-){7}[0-9A-Z]{4}\b/g, ' ')
    .replace(/\b[0-9a-f]{32,}\b/g, ' ');
  for (const pattern of RIGHTLY_LATIN) rest = rest.replace(pattern, ' ');
  const latin = rest.match(/[A-Za-z]{2,}/g) ?? [];
  expect(latin, `English left on the screen (${where}):\n${text}`).toEqual([]);
}
