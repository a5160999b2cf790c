import { useEffect, useId, useRef, useState } from 'react';

interface Props {
  /** what the chip chooses ("Dated", "Languages") */
  name: string;
  /** the choice made, in words ("Any", "1 Jan 2015 – 31 Dec 2015") */
  summary: string;
  /** a choice is made: the chip is marked */
  active: boolean;
  testId: string;
  /** the fields that make the choice, shown under the chip while it is open */
  children: React.ReactNode;
}

/**
 * A filter chip that says its choice and opens its fields under it: a one-row filter bar keeps two
 * date fields or five language boxes out of the way until they are wanted. Escape or a click elsewhere
 * folds them away (the choice stays); Escape gives the focus back to the chip.
 */
export function PopoverChip({ name, summary, active, testId, children }: Props): React.JSX.Element {
  const id = useId();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const away = (event: MouseEvent) => {
      if (box.current && !box.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  return (
    <span
      className="filter-chip filter-chip-popover"
      data-active={active}
      ref={box}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button ref={button} type="button" className="filter-chip-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} data-testid={testId}>
        <span className="search-filter-name">{name}</span> {summary}
      </button>
      {open && (
        <span className="filter-popover" id={id} role="group" aria-label={name}>
          {children}
        </span>
      )}
    </span>
  );
}
