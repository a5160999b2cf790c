import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManualRedaction, PixelBox, PlannedRedaction } from '../../../../shared/domain/bundle';
import { useElementWidth } from '../viewer/useElementWidth';
import { usePageImage } from '../viewer/usePageImage';
import { boxFromDrag, displayScale, scaleBox, type Point, type Size } from './redactionBoxes';

interface Props {
  docId: string;
  page: number;
  redactions: PlannedRedaction[];
  /** A rectangle the lawyer drew: it is removed, not waived. */
  isDrawn: (redaction: PlannedRedaction) => boolean;
  onToggle: (redaction: PlannedRedaction) => void;
  onAdd: (box: ManualRedaction) => void;
}

/** Widest a page is drawn in the review: the boxes stay readable and two pages fit on a laptop screen. */
const MAX_PAGE_WIDTH = 760;

/**
 * One page image with its redactions over it: black where the export will burn, an outline where the
 * lawyer waived one. In drawing mode a drag over the page draws a new box, which asks for its reason.
 */
export function RedactionPage({ docId, page, redactions, isDrawn, onToggle, onAdd }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const reasonId = useId();
  const image = usePageImage(docId, page, 'image');
  const [measure, available] = useElementWidth();
  const [natural, setNatural] = useState<Size | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [drag, setDrag] = useState<{ start: Point; end: Point } | null>(null);
  const [pending, setPending] = useState<PixelBox | null>(null);
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
    if (box) setPending(box);
  };

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    if (!pending || !reason.trim()) return;
    onAdd({ docId, page, box: pending, reason: reason.trim() });
    setPending(null);
    setReason('');
    setDrawing(false);
  };

  const dragBox = drag && natural ? boxFromDrag(drag.start, drag.end, scale, natural) : null;

  return (
    <div className="redact-page" data-testid="redact-page" data-page={page}>
      <div className="redact-page-head">
        <h3>{t('bundles.redact.pageNumber', { page })}</h3>
        <button
          type="button"
          aria-pressed={drawing}
          onClick={() => {
            setDrawing((on) => !on);
            setPending(null);
          }}
          disabled={image.status !== 'ready'}
          data-testid="redact-draw-toggle"
        >
          {drawing ? t('bundles.redact.stopDrawing') : t('bundles.redact.draw')}
        </button>
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
              const shown = scaleBox(redaction.box, scale);
              return (
                <button
                  key={redaction.key}
                  type="button"
                  className={redaction.waived ? 'redaction-box redaction-box-waived' : 'redaction-box'}
                  style={{ left: shown.left, top: shown.top, width: shown.width, height: shown.height }}
                  title={redaction.label}
                  aria-label={t(redaction.waived ? 'bundles.redact.restoreNamed' : isDrawn(redaction) ? 'bundles.redact.removeNamed' : 'bundles.redact.waiveNamed', { label: redaction.label })}
                  onClick={() => onToggle(redaction)}
                  tabIndex={-1}
                  data-testid="redaction-box"
                  data-reason={redaction.reason}
                  data-waived={redaction.waived}
                />
              );
            })}
            {pending && <div className="redaction-box redaction-box-pending" style={scaleBox(pending, scale)} data-testid="redaction-pending" />}
            {drawing && (
              <div
                ref={layer}
                className="redact-draw-layer"
                onPointerDown={(event) => {
                  event.currentTarget.setPointerCapture(event.pointerId);
                  const at = pointAt(event);
                  setPending(null);
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
      {pending && (
        <form className="inline-form redact-reason" onSubmit={add} data-testid="redact-reason-form">
          <label htmlFor={reasonId}>{t('bundles.redact.reason')}</label>
          <input id={reasonId} value={reason} maxLength={200} autoFocus onChange={(event) => setReason(event.target.value)} data-testid="redact-reason" />
          <button type="submit" className="button-primary" disabled={!reason.trim()} data-testid="redact-reason-add">
            {t('bundles.redact.addBox')}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      {redactions.length > 0 && (
        <ul className="redact-list" aria-label={t('bundles.redact.onPage', { page })}>
          {redactions.map((redaction) => (
            <li key={redaction.key} className="redact-item" data-testid="redaction-item" data-reason={redaction.reason} data-waived={redaction.waived}>
              <span className={redaction.waived ? 'redact-swatch redact-swatch-waived' : 'redact-swatch'} aria-hidden="true" />
              <span className="redact-label">{redaction.label}</span>
              <span className="hint">{redaction.waived ? t('bundles.redact.waived') : t(`bundles.redact.reasons.${redaction.reason}`)}</span>
              <button type="button" className="button-quiet" onClick={() => onToggle(redaction)} data-testid="redaction-toggle">
                {redaction.waived ? t('bundles.redact.restore') : isDrawn(redaction) ? t('bundles.redact.remove') : t('bundles.redact.waive')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
