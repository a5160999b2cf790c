/**
 * Runs searches so that only the newest one counts, and results follow typing closely (issue 14: on
 * screen within 100 ms of the last key). Typing asks at once when no answer is awaited; while one is
 * awaited, the newest text waits and is asked the moment that answer comes back, so the core reads one
 * query at a time whatever the typing speed, and the last key's query is never more than one answer
 * behind. (A fixed 200 ms pause after each key once made that impossible.) Enter, a filter or "show
 * more" asks at once. Every new request makes the answers to all earlier ones stale: answers can
 * overtake each other, and a late answer for "Айг" must never replace the one for "Айгерим".
 */
export interface SearchRunner<Req> {
  /** Ask as soon as no answer is awaited: at once, or when the awaited one comes back. */
  schedule(request: Req): void;
  /** Ask now. */
  now(request: Req): void;
  /** Forget any request waiting or on its way. */
  cancel(): void;
}

export function searchRunner<Req, Res>(run: (request: Req) => Promise<Res>, onAnswer: (request: Req, answer: Res) => void): SearchRunner<Req> {
  let generation = 0;
  let awaited = 0;
  let next: { request: Req; mine: number } | null = null;

  const start = (request: Req, mine: number) => {
    awaited += 1;
    void run(request)
      .then((answer) => {
        if (mine === generation) onAnswer(request, answer);
      })
      // `run` answers failures as answers (request() folds them into a Result); a throw from it or from
      // onAnswer must not stop the queries after it, nor surface as an unhandled rejection.
      .catch(() => undefined)
      .finally(() => {
        awaited -= 1;
        const waiting = next;
        if (awaited === 0 && waiting) {
          next = null;
          if (waiting.mine === generation) start(waiting.request, waiting.mine);
        }
      });
  };

  return {
    schedule(request) {
      const mine = ++generation;
      if (awaited > 0) next = { request, mine };
      else {
        next = null;
        start(request, mine);
      }
    },
    now(request) {
      next = null;
      start(request, ++generation);
    },
    cancel() {
      next = null;
      generation += 1;
    },
  };
}
