import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  /** Room for a form with sections (Settings). */
  wide?: boolean;
}

/**
 * A modal on the native <dialog>: the browser traps focus, closes it on Escape and returns focus to
 * the button that opened it. Render it only while open, so each opening starts with a fresh form.
 */
export function Modal({ title, onClose, children, testId, wide }: Props): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    }
    const giveFocusBack = opener;
    // Not close() here: it would queue a 'close' event that, under StrictMode's remount, shuts the
    // dialog just reopened. Unmounting takes the dialog out of the top layer by itself; only focus
    // must be given back by hand, once the dialog has really left the page.
    return () => {
      setTimeout(() => {
        const target = giveFocusBack.current;
        if (!dialog.isConnected && target?.isConnected) target.focus();
      });
    };
  }, []);

  return (
    <dialog ref={ref} className={wide ? 'modal modal-wide' : 'modal'} aria-labelledby={titleId} onClose={onClose} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
