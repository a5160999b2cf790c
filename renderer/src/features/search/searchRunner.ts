/**
 * Runs searches so that only the newest one counts. Typing waits `delayMs` after the last key before
 * asking the core; Enter, a filter or "show more" asks at once. Every new request makes the answers to
 * all earlier ones stale: answers can overtake each other, and a late answer for "Айг" must never
 * replace the one for "Айгерим".
 */
export interface SearchRunner<Req> {
  /** Ask after the delay, unless another request comes first. */
  schedule(request: Req): void;
  /** Ask now. */
  now(request: Req): void;
  /** Forget any request waiting or on its way. */
  cancel(): void;
}

export function searchRunner<Req, Res>(
  run: (request: Req) => Promise<Res>,
  onAnswer: (request: Req, answer: Res) => void,
  delayMs: number,
): SearchRunner<Req> {
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const stopTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const start = (request: Req, mine: number) => {
    void run(request).then((answer) => {
      if (mine === generation) onAnswer(request, answer);
    });
  };

  return {
    schedule(request) {
      stopTimer();
      const mine = ++generation;
      timer = setTimeout(() => {
        timer = null;
        start(request, mine);
      }, delayMs);
    },
    now(request) {
      stopTimer();
      start(request, ++generation);
    },
    cancel() {
      stopTimer();
      generation += 1;
    },
  };
}
