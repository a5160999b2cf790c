/**
 * Run `action` at most once per `delayMs`, after the first call of a burst. While OCR runs, the core
 * says "documents changed" after every page; refreshing on each would refetch the whole list many
 * times a second, and a plain debounce would not refresh at all while events keep coming.
 */
export function coalesce(action: () => void, delayMs: number): { call: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    call() {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        action();
      }, delayMs);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
