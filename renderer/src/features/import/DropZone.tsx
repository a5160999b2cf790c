import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { takeDrop, type DroppedItem } from './droppedFiles';

interface Props {
  onDrop: (items: DroppedItem[]) => void;
  children: ReactNode;
}

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * The whole window takes dropped files. While files are dragged over it, an overlay says what a drop
 * will do; the Import… button is the same action for the keyboard.
 */
export function DropZone({ onDrop, children }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  // dragenter and dragleave fire for every child crossed; only the outermost pair matters.
  const depth = useRef(0);

  useEffect(() => {
    // A drop that misses the zone (a gap, an overlay) must not make the browser open the file in place
    // of the app, which would drop the open vault's window.
    const refuse = (event: globalThis.DragEvent) => event.preventDefault();
    window.addEventListener('dragover', refuse);
    window.addEventListener('drop', refuse);
    return () => {
      window.removeEventListener('dragover', refuse);
      window.removeEventListener('drop', refuse);
    };
  }, []);

  const onDragEnter = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    setDragging(true);
  };

  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };

  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  };

  const onDropFiles = (event: DragEvent) => {
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    const items = takeDrop(event.dataTransfer);
    if (items.length > 0) onDrop(items);
  };

  return (
    <div
      className={dragging ? 'drop-zone drop-zone-active' : 'drop-zone'}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDropFiles}
      data-testid="drop-zone"
      data-dragging={dragging}
    >
      {children}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-message">
            <p className="drop-overlay-title">{t('import.dropTitle')}</p>
            <p>{t('import.dropHint')}</p>
          </div>
        </div>
      )}
    </div>
  );
}
