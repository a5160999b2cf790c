import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManualRedaction, PixelBox, PlannedRedaction } from '../../../../shared/domain/bundle';
import { useElementWidth } from '../viewer/useElementWidth';
import { usePageImage } from '../viewer/usePageImage';
import { newBoxOn } from './boxEditing';
import { RedactionBox } from './RedactionBox';
import { boxFromDrag, displayScale, scaleBox, type Point, type Size } from './redactionBoxes';
import { isDrawn } from './redactionEdits';
import { RedactionList } from './RedactionList';

interface Props {
  docId: string;
  page: number;
  redactions: PlannedRedaction[];
  /** The visible hint on moving and sizing boxes, which every box points to. */
  hintId: string;
  onToggle: (redaction: PlannedRedaction) => void;
  onAdd: (box: ManualRedaction) => void;
  onMove: (redaction: PlannedRedaction, box: PixelBox) => void;
  onReset: (redaction: PlannedRedaction) => void;
}

/** Widest a page is drawn in the review: the boxes stay readable and two pages fit on a laptop screen. */
const MAX_PAGE_WIDTH = 760;

/** A box being added: drawn with the mouse, or placed by "Add a box" to be moved and sized. */
interface NewBox {
  box: PixelBox;
  via: 'drawn' | 'placed';
}

/**
 * One page image with its redactions over it: black where the export will burn, an outline where the
 * lawyer waived one. Every box can be moved and resized; a new one is drawn with the mouse, or placed
 * with "Add a box" and moved from the keyboard, and then given its reason.
 */
export function RedactionPage({ docId, page, redactions, hintId, onToggle, onAdd, onMove, onReset }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const reasonId = useId();
  const image = usePageImage(docId, page, 'image');
  const [measure, available] = useElementWidth();
  const [natural, setNatural] = useState<Size | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [drag, setDrag] = useState<{ start: Point; end: Point } | null>(null);
  const [adding, setAdding] = useState<NewBox | null>(null);
  const [reason, setReason] = useState('');
  const layer = useRef<HTMLDivElement>(null);

  const shownWidth = natural ? Math.min(available || MAX_PAGE_WIDTH, MAX_PAGE_WIDTH, natural.width) : 0;
  const scale = natural ? displayScale(natural, shownWidth) : 1;

  const pointAt = (event: React.PointerEvent): Point => {
    const rect = layer.current!.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  const finishDrag = (event: React.PointerEvent) => {
    if (!drag || !natural) return;
    const box = boxFromDrag(drag.start, pointAt(event), scale, natural);
    setDrag(null);
    if (box) {
      setAdding({ box, via: 'drawn' });
      setDrawing(false);
    }
  };

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    if (!adding || !reason.trim()) return;
    onAdd({ docId, page, box: adding.box, reason: reason.trim() });
    setAdding(null);
    setReason('');
  };

  const cancelAdding = () => {
    setAdding(null);
    setReason('');
  };

  const dragBox = drag && natural ? boxFromDrag(drag.start, drag.end, scale, natural) : null;
  const ready = image.status === 'ready' && natural !== null;
  const captionOf = (redaction: PlannedRedaction) => `${redaction.subject} · ${t(`bundles.redact.origins.${redaction.origin}`)}`;

  return (
    <div className="redact-page" data-testid="redact-page" data-page={page} id={`redact-${docId}-${page}`}>
      <div className="redact-page-head">
        <h3>{t('bundles.redact.pageNumber', { page })}</h3>
        <div className="redact-page-tools">
          <button
            type="button"
            onClick={() => {
              if (!natural) return;
              setDrawing(false);
              setAdding({ box: newBoxOn(natural), via: 'placed' });
            }}
            disabled={!ready || adding !== null}
            data-testid="redact-add-box"
          >
            {t('bundles.redact.placeBox')}
          </button>
          <button
            type="button"
            aria-pressed={drawing}
            onClick={() => {
              setDrawing((on) => !on);
              cancelAdding();
            }}
            disabled={!ready}
            data-testid="redact-draw-toggle"
          >
            {drawing ? t('bundles.redact.stopDrawing') : t('bundles.redact.draw')}
          </button>
        </div>
      </div>
      <div className="redact-page-area" ref={measure}>
        {image.status === 'loading' && <div className="page-placeholder">{t('viewer.imageLoading')}</div>}
        {image.status === 'missing' && <div className="page-placeholder">{t('viewer.imageMissing')}</div>}
        {image.status === 'ready' && !natural && (
          // Only the image knows its size: load it unshown once to learn it.
          <img
            className="page-measure"
            src={image.url}
            alt=""
            onLoad={(event) => setNatural({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })}
          />
        )}
        {image.status === 'ready' && natural && (
          <div className="redact-frame" style={{ width: shownWidth, height: natural.height * scale }}>
            <img className="redact-image" src={image.url} alt={t('viewer.imageAlt', { page })} style={{ width: shownWidth }} data-testid="redact-page-image" />
            {redactions.map((redaction) => {
              const drawn = isDrawn(redaction);
              const action = redaction.waived ? 'restoreNamed' : drawn ? 'removeNamed' : 'waiveNamed';
              return (
                <RedactionBox
                  key={redaction.key}
                  box={redaction.box}
                  scale={scale}
                  page={natural}
                  className={redaction.waived ? 'redaction-box redaction-box-waived' : 'redaction-box'}
                  label={t(`bundles.redact.${action}`, { label: captionOf(redaction) })}
                  describedBy={hintId}
                  caption={captionOf(redaction)}
                  onCommit={(box) => onMove(redaction, box)}
                  onActivate={() => onToggle(redaction)}
                  testId="redaction-box"
                  data={{
                    'data-reason': redaction.reason,
                    'data-origin': redaction.origin,
                    'data-waived': redaction.waived,
                    'data-adjusted': redaction.adjusted,
                  }}
                />
              );
            })}
            {adding && (
              <RedactionBox
                box={adding.box}
                scale={scale}
                page={natural}
                className="redaction-box redaction-box-new"
                label={t('bundles.redact.newBox')}
                describedBy={hintId}
                caption={t('bundles.redact.newBox')}
                onCommit={(box) => setAdding((current) => (current ? { ...current, box } : current))}
                autoFocus={adding.via === 'placed'}
                testId="redaction-pending"
              />
            )}
            {drawing && (
              <div
                ref={layer}
                className="redact-draw-layer"
                onPointerDown={(event) => {
                  event.currentTarget.setPointerCapture(event.pointerId);
                  const at = pointAt(event);
                  setDrag({ start: at, end: at });
                }}
                onPointerMove={(event) => drag && setDrag({ start: drag.start, end: pointAt(event) })}
                onPointerUp={finishDrag}
                onPointerCancel={() => setDrag(null)}
                data-testid="redact-draw-layer"
              >
                {dragBox && <div className="redaction-box redaction-box-pending" style={scaleBox(dragBox, scale)} />}
              </div>
            )}
          </div>
        )}
      </div>
      {adding && (
        <form className="inline-form redact-reason" onSubmit={add} data-testid="redact-reason-form">
          <label htmlFor={reasonId}>{t('bundles.redact.reason')}</label>
          <input id={reasonId} value={reason} maxLength={200} autoFocus={adding.via === 'drawn'} onChange={(event) => setReason(event.target.value)} data-testid="redact-reason" />
          <button type="submit" className="button-primary" disabled={!reason.trim()} data-testid="redact-reason-add">
            {t('bundles.redact.addBox')}
          </button>
          <button type="button" onClick={cancelAdding} data-testid="redact-reason-cancel">
            {t('common.cancel')}
          </button>
        </form>
      )}
      <RedactionList page={page} redactions={redactions} onToggle={onToggle} onReset={onReset} />
    </div>
  );
}
