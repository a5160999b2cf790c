/**
 * A ref that gives its element the focus when it mounts, unless the lawyer has put the focus somewhere
 * in the meantime. For focus handed back once a list has loaded (the card of the document just closed,
 * the search hit just left): React's `autoFocus` took it from wherever it was, so a lawyer who pressed
 * Escape and at once Ctrl+K lost the rest of the query to the card, and its space reopened the document.
 */
export function focusIfUnclaimed(node: HTMLElement | null): void {
  if (!node) return;
  const active = node.ownerDocument.activeElement;
  if (active === null || active === node.ownerDocument.body) node.focus({ preventScroll: false });
}
