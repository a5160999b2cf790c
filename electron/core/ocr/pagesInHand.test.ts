import { describe, expect, it } from 'vitest';
import { OcrFailure } from './ocrEngine';
import { PagesInHand } from './pagesInHand';

/**
 * Whether the promise has settled by now. PagesInHand uses no timers: a page let in or refused settles
 * within the promise jobs already queued, which all run before the next turn of the event loop.
 */
const settled = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('pages in hand', () => {
  it('holds no more pages than its limit, and lets the waiting ones in in turn', async () => {
    const hand = new PagesInHand(2);
    const first = await hand.take();
    await hand.take();
    const third = hand.take();
    const fourth = hand.take();
    expect(await settled(third)).toBe(false);
    first();
    first(); // giving back twice gives back once
    expect(await settled(third)).toBe(true);
    expect(await settled(fourth)).toBe(false);
    (await third)();
    expect(await settled(fourth)).toBe(true);
  });

  it('a page cancelled while it waits leaves the queue; closing refuses the rest', async () => {
    const hand = new PagesInHand(1);
    const giveBack = await hand.take();
    const cancel = new AbortController();
    const cancelled = hand.take(cancel.signal);
    const waiting = hand.take();
    cancel.abort();
    await expect(cancelled).rejects.toSatisfy((error) => error instanceof OcrFailure && error.code === 'cancelled');
    giveBack();
    expect(await settled(waiting)).toBe(true); // the room went to the next page, not the cancelled one
    const last = hand.take();
    hand.close();
    await expect(last).rejects.toSatisfy((error) => error instanceof OcrFailure && error.code === 'cancelled');
    await expect(hand.take()).rejects.toBeInstanceOf(OcrFailure);
  });
});
