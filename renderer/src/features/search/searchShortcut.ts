/** What a shortcut handler needs to know about a key press. */
export interface KeyPress {
  key: string;
  /** The physical key (KeyboardEvent.code), the same whatever the keyboard layout. */
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * Whether a key press asks for the search box: Ctrl+K (Cmd+K on a Mac) from anywhere, and "/" when
 * the lawyer is not typing in a field. Checked by the physical key too: with a Russian or Kazakh
 * layout the K key sends "л" (and Ctrl+K with it), and many lawyers type in those layouts all day.
 */
export function asksForSearch(press: KeyPress, typing: boolean): boolean {
  if (press.altKey) return false;
  if (press.ctrlKey || press.metaKey) return !press.shiftKey && (press.key.toLowerCase() === 'k' || press.code === 'KeyK');
  return !typing && !press.shiftKey && press.key === '/';
}
