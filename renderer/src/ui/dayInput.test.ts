import { describe, expect, it } from 'vitest';
import { dayPattern, dayRange, formatDay, ISO_DAYS, parseDay } from './dayInput';

describe('a typed day', () => {
  it('reads the forms of each interface language and ISO, and refuses ambiguous or impossible ones', () => {
    expect(parseDay('08.04.2021')).toBe('2021-04-08');
    expect(parseDay('8.4.2021')).toBe('2021-04-08');
    expect(parseDay('8 Apr 2021')).toBe('2021-04-08');
    expect(parseDay(' 8 April 2021 ')).toBe('2021-04-08');
    expect(parseDay('2021-04-08')).toBe('2021-04-08');
    for (const bad of ['04/08/2021', '31.04.2021', '29.02.2021', '2021-13-01', '8 Apx 2021', '08.04.21', '', 'вчера']) expect(parseDay(bad), bad).toBeNull();
    expect(parseDay('29.02.2024')).toBe('2024-02-29');
  });

  it('shows back every day in the form it reads, in each language', () => {
    // every day of ninety years, the leap days among them
    for (let at = Date.UTC(1950, 0, 1); at < Date.UTC(2040, 0, 1); at += 86_400_000) {
      const day = new Date(at).toISOString().slice(0, 10);
      for (const style of ['en', 'ru', 'kk', ISO_DAYS]) expect(parseDay(formatDay(day, style)), `${day} ${style}`).toBe(day);
    }
    expect(formatDay('2021-04-08', 'en')).toBe('8 Apr 2021');
    expect(formatDay('2021-04-08', 'kk')).toBe('08.04.2021');
    expect(formatDay('2021-04-08', ISO_DAYS)).toBe('2021-04-08');
  });

  it('with the ISO setting, writes and asks for days as 2021-04-08 whatever the language', () => {
    expect(dayPattern(ISO_DAYS)).toBe('2021-04-08');
    expect(parseDay(dayPattern(ISO_DAYS))).toBe('2021-04-08');
    for (const language of ['en', 'ru', 'kk']) expect(parseDay(dayPattern(language)), language).toBe('2021-04-08');
    expect(dayRange('2015-01-01', '', ISO_DAYS)).toBe('2015-01-01 – …');
  });

  it('writes a range of days the way the language writes days, with an open end as an ellipsis, and no range as none', () => {
    expect(dayRange('2015-01-01', '2015-12-31', 'en')).toBe('1 Jan 2015 – 31 Dec 2015');
    expect(dayRange('', '2015-12-31', 'ru')).toBe('… – 31.12.2015');
    expect(dayRange('2015-01-01', '', 'kk')).toBe('01.01.2015 – …');
    expect(dayRange('', '', 'en')).toBeNull();
  });
});
