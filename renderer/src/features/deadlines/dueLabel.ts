/** How far ahead the dashboard looks; 60 days by default (issue 5), a year at most. */
export const DEADLINE_WINDOWS = [30, 60, 90, 365] as const;
export const DEFAULT_WINDOW = 60;

export type DueLabel = { key: 'deadlines.overdue'; count: number } | { key: 'deadlines.today' } | { key: 'deadlines.inDays'; count: number };

/** "overdue by 3 days", "today", "in 12 days", from the core's `daysLeft` (negative: overdue). */
export function dueLabel(daysLeft: number): DueLabel {
  if (daysLeft < 0) return { key: 'deadlines.overdue', count: -daysLeft };
  if (daysLeft === 0) return { key: 'deadlines.today' };
  return { key: 'deadlines.inDays', count: daysLeft };
}

export type Urgency = 'overdue' | 'soon' | 'later';

/** Two weeks is how long an extension takes to arrange: under that, a deadline asks for action now. */
export function urgencyOf(daysLeft: number): Urgency {
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= 14 ? 'soon' : 'later';
}
