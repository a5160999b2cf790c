import { useCallback, useEffect, useRef, useState } from 'react';
import type { PixelBox } from '../../../../shared/domain/bundle';
import { boxAfterKey, CORNERS, dragDelta, isClick, keyboardStep, moveBox, resizeBox, type Corner } from './boxEditing';
import { scaleBox, type Point, type Size } from './redactionBoxes';

interface Props {
  /** Where the box is, in page pixels. */
  box: PixelBox;
  /** Display pixels per page pixel. */
  scale: number;
  /** The page image's size in page pixels: a box stays on it. */
  page: Size;
  className: string;
  /** What the box covers and what Enter does to it, for screen readers. */
  label: string;
  /** The visible hint saying how to move and size a box. */
  describedBy: string;
  /** What it covers and where it was read, shown over the box while it is pointed at or focused. */
  caption: string;
  /** The box as the lawyer left it after a drag or a run of keys. */
  onCommit: (box: PixelBox) => void;
  /** A click or Enter: waive, restore or remove (nothing for a box not added yet). */
  onActivate?: () => void;
  autoFocus?: boolean;
  testId: string;
  data?: Record<`data-${string}`, string | number | boolean>;
}

/**
 * Keys pressed in a row are one change: saved this long after the last one (or when the box loses
 * focus), so holding an arrow down does not save and plan the bundle again at every step.
 */
const KEYS_SETTLE_MS = 600;

interface Gesture {
  pointerId: number;
  what: 'move' | Corner;
  start: Point;
  from: PixelBox;
  moved: boolean;
}

/**
 * A redaction box on a page image that can be moved and resized: dragged by its body or one of its
 * corner handles, or from the keyboard once focused (arrows move it, Shift+arrows by ten, Alt+arrows
 * change its size). While it moves it is drawn where the lawyer has it; the change is handed up once.
 */
export function RedactionBox({ box, scale, page, className, label, describedBy, caption, onCommit, onActivate, autoFocus, testId, data }: Props): React.JSX.Element {
  const [live, setLive] = useState<PixelBox | null>(null);
  const element = useRef<HTMLButtonElement>(null);
  const gesture = useRef<Gesture | null>(null);
  const swallowClick = useRef(false);
  const keyed = useRef<PixelBox | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });

  const flushKeys = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const changed = keyed.current;
    keyed.current = null;
    setLive(null);
    if (changed) commit.current(changed);
  }, []);
  // A run of keys not yet handed up is not lost when the box goes (the page re-planned, the step left).
  useEffect(() => () => flushKeys(), [flushKeys]);

  useEffect(() => {
    if (autoFocus) element.current?.focus();
  }, [autoFocus]);

  const pointAt = (event: React.PointerEvent): Point => ({ x: event.clientX, y: event.clientY });

  const begin = (event: React.PointerEvent, what: Gesture['what']) => {
    if (event.button !== 0) return;
    event.stopPropagation();
    element.current?.setPointerCapture(event.pointerId);
    element.current?.focus({ preventScroll: true });
    flushKeys();
    gesture.current = { pointerId: event.pointerId, what, start: pointAt(event), from: box, moved: false };
    // A press on a corner handle is never a click on the box.
    swallowClick.current = what !== 'move';
  };

  const follow = (event: React.PointerEvent) => {
    const now = gesture.current;
    if (!now || now.pointerId !== event.pointerId) return;
    const at = pointAt(event);
    if (!now.moved && isClick(now.start, at)) return;
    now.moved = true;
    const { dx, dy } = dragDelta(now.start, at, scale);
    setLive(now.what === 'move' ? moveBox(now.from, dx, dy, page) : resizeBox(now.from, now.what, dx, dy, page));
  };

  const end = (event: React.PointerEvent, cancelled: boolean) => {
    const now = gesture.current;
    if (!now || now.pointerId !== event.pointerId) return;
    gesture.current = null;
    if (now.moved) swallowClick.current = true;
    if (!now.moved || cancelled) return setLive(null);
    const { dx, dy } = dragDelta(now.start, pointAt(event), scale);
    const moved = now.what === 'move' ? moveBox(now.from, dx, dy, page) : resizeBox(now.from, now.what, dx, dy, page);
    setLive(null);
    commit.current(moved);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const next = boxAfterKey(keyed.current ?? box, event, keyboardStep(scale), page);
    if (!next) return;
    event.preventDefault();
    keyed.current = next;
    setLive(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flushKeys, KEYS_SETTLE_MS);
  };

  const shown = scaleBox(live ?? box, scale);
  const where = { left: shown.left, top: shown.top, width: shown.width, height: shown.height };
  return (
    <>
      <button
        ref={element}
        type="button"
        className={className}
        style={where}
        aria-label={label}
        aria-describedby={describedBy}
        title={caption}
        onPointerDown={(event) => begin(event, 'move')}
        onPointerMove={follow}
        onPointerUp={(event) => end(event, false)}
        onPointerCancel={(event) => end(event, true)}
        onClick={() => {
          if (swallowClick.current) {
            swallowClick.current = false;
            return;
          }
          onActivate?.();
        }}
        onKeyDown={onKeyDown}
        onBlur={flushKeys}
        data-testid={testId}
        data-box={(live ?? box).join(',')}
        data-moving={live !== null}
        {...data}
      >
        {CORNERS.map((corner) => (
          <span key={corner} className={`box-handle box-handle-${corner}`} aria-hidden="true" onPointerDown={(event) => begin(event, corner)} data-corner={corner} />
        ))}
      </button>
      <span className="redaction-caption" style={{ left: shown.left, top: shown.top }} aria-hidden="true">
        {caption}
      </span>
    </>
  );
}
