/**
 * The recovery code as a text file the lawyer saves when it is shown (issue 14: it could only be copied
 * or written down), in the interface language, saying what it opens and how to keep it. It names no
 * vault folder and no case: found on its own, it says only that it is a Dalel recovery code.
 */
export type RecoveryFileLanguage = 'en' | 'ru' | 'kk';

export const RECOVERY_FILE_NAME: Record<RecoveryFileLanguage, string> = {
  en: 'Dalel recovery code.txt',
  ru: 'Код восстановления Dalel.txt',
  kk: 'Dalel қалпына келтіру коды.txt',
};

const WORDS: Record<RecoveryFileLanguage, { title: string; keep: string }> = {
  en: {
    title: 'Dalel — recovery code',
    keep: 'This code opens the vault when its passphrase is forgotten. Anyone who has it and the vault can read everything in it: print it, keep the paper somewhere safe away from this computer, and delete this file.',
  },
  ru: {
    title: 'Dalel — код восстановления',
    keep: 'Этот код открывает хранилище, если парольная фраза забыта. Любой, у кого есть код и хранилище, может прочитать всё в нём: распечатайте код, храните бумагу в надёжном месте отдельно от этого компьютера и удалите этот файл.',
  },
  kk: {
    title: 'Dalel — қалпына келтіру коды',
    keep: 'Бұл код құпия фраза ұмытылса, қойманы ашады. Коды мен қоймасы бар кез келген адам ондағының бәрін оқи алады: кодты басып шығарыңыз, қағазды осы компьютерден бөлек сенімді жерде сақтаңыз және осы файлды жойыңыз.',
  },
};

/** The file's text: a title, the code on a line of its own (never broken), what to do with it. */
export function recoveryCodeFile(code: string, language: RecoveryFileLanguage): string {
  const { title, keep } = WORDS[language];
  return `${title}\n\n    ${code}\n\n${keep}\n`;
}
