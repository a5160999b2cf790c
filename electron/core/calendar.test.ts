import { afterEach, describe, expect, it } from 'vitest';
import { addDays, daysBetween, isDay, localDay } from './calendar';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("the lawyer's calendar", () => {
  it('takes the day where the computer is, not in UTC', () => {
    // 02:30 on 5 December in Almaty is still 4 December in UTC
    const night = new Date('2026-12-04T21:30:00Z');
    process.env.TZ = 'Asia/Almaty';
    expect(localDay(night)).toBe('2026-12-05');
    process.env.TZ = 'UTC';
    expect(localDay(night)).toBe('2026-12-04');
    process.env.TZ = 'America/New_York';
    expect(localDay(night)).toBe('2026-12-04');
  });

  it('counts days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 60)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-05', '2026-12-05')).toBe(0);
    expect(daysBetween('2026-12-05', '2027-12-05')).toBe(365);
    expect(daysBetween('2026-12-05', '2026-11-30')).toBe(-5);
    for (let n = -400; n <= 400; n += 7) expect(daysBetween('2024-02-29', addDays('2024-02-29', n))).toBe(n);
  });

  it('knows which days exist', () => {
    expect(['2024-02-29', '2021-12-31', '1950-01-01'].every(isDay)).toBe(true);
    expect(['2023-02-29', '2021-02-30', '2021-13-01', '21-01-01', '2021-1-1', ''].some(isDay)).toBe(false);
  });
});
