/**
 * The auto-lock choices offered in Settings, in minutes; 0 turns it off. Ten is the default (the core's
 * DEFAULT_SETTINGS); the short end suits an office shared with others, the long end long reading.
 */
export const AUTO_LOCK_CHOICES = [1, 5, 10, 15, 30, 60, 120, 0] as const;

/** The choices to list: a value set elsewhere (e.g. the CLI) is kept and shown in order, not lost. */
export function autoLockChoices(current: number): number[] {
  const choices: number[] = [...AUTO_LOCK_CHOICES];
  if (!choices.includes(current)) choices.push(current);
  const minutes = choices.filter((value) => value > 0).sort((a, b) => a - b);
  return [...minutes, 0];
}
