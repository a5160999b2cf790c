import { describe, expect, it } from 'vitest';
import { orderTimeline, type TimelineEntry } from './timeline';

const entry = (title: string, date: string | null): TimelineEntry => ({ docId: title, title, date, type: null, validUntil: null });

describe('orderTimeline', () => {
  it('orders documents by date, oldest first, undated last', () => {
    const ordered = orderTimeline([entry('extension', '2021-05-31'), entry('unknown', null), entry('refusal', '2019-03-02'), entry('application', '2020-01-15')]);
    expect(ordered.map((item) => item.title)).toEqual(['refusal', 'application', 'extension', 'unknown']);
  });

  it('keeps documents of the same day in title order', () => {
    expect(orderTimeline([entry('b', '2021-01-01'), entry('a', '2021-01-01')]).map((item) => item.title)).toEqual(['a', 'b']);
  });
});
