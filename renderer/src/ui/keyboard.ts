/** Keys typed into a field are the lawyer's text, not shortcuts. */
export function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

/** An open dialog has the lawyer's attention: shortcuts for what is behind it wait. */
export function isDialogOpen(): boolean {
  return window.document.querySelector('dialog[open]') !== null;
}
