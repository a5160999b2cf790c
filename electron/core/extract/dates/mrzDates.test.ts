import { describe, expect, it } from 'vitest';
import { findDocumentDates } from './dateRoles';
import { checkDigit, mrzDates } from './mrzDates';
import { randomDay, randomFrom, type Random } from './testing/random';

const TODAY = new Date('2026-12-05T00:00:00Z');
const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);

/** A passport's two zone lines (TD3) or an ID card's three (TD1), check digits computed, OCR's stray spaces added. */
function zone(random: Random, born: string, ends: string, td1: boolean): string {
  const number = `E${random.int(10_000_000, 99_999_999)}`;
  const birth = `${yymmdd(born)}${checkDigit(yymmdd(born))}`;
  const expiry = `${yymmdd(ends)}${checkDigit(yymmdd(ends))}`;
  const sex = random.pick(['M', 'F']);
  const lines = td1
    ? [`IDKAZ${number}${checkDigit(number)}<<<<<<<<<<<<<<<`, `${birth}${sex}${expiry}KAZ<<<<<<<<<<<0`, 'ASKARULY<<NURLAN<<<<<<<<<<<<<']
    : ['P<CHNASIKAER<<NUERLAN<<<<<<<<<<<<<<<<<<<<<<<', `${number}${checkDigit(number)}CHN${birth}${sex}${expiry}NHKADBEDD<<<<<24`];
  return lines.map((line) => line.replace(/(.)/g, (c) => (random.chance(0.08) ? `${c} ` : c))).join('\n');
}

describe("a machine-readable zone's dates", () => {
  it('reads the birth and the expiry of passports and ID cards, through OCR spaces', () => {
    const random = randomFrom(9303);
    for (let i = 0; i < 300; i++) {
      const born = randomDay(random, 1940, 2020);
      const ends = randomDay(random, 2010, 2040);
      if (ends <= born) continue;
      const text = `КОПИЯ ВЕРНА\n${zone(random, born, ends, random.chance(0.5))}\nОФ «Дала»`;
      const found = mrzDates({ page: 1, text }, TODAY);
      expect(found.map((d) => [d.kind, d.date]), text).toEqual([
        ['other', born],
        ['valid-until', ends],
      ]);
      for (const d of found) expect(text.slice(d.start, d.end).replace(/\s/g, '')).toBe(yymmdd(d.date));
    }
  });

  it('takes nothing when a check digit fails (a digit misread), or from a line that is no zone', () => {
    const text = '303064459CHN7903144M1804227NHKADBEDD<<<<<24';
    expect(mrzDates({ page: 1, text }, TODAY).map((d) => d.date)).toEqual(['1979-03-14', '2018-04-22']);
    // control: one digit of the expiry misread
    expect(mrzDates({ page: 1, text: text.replace('180422', '180472') }, TODAY)).toEqual([]);
    expect(mrzDates({ page: 1, text: text.replace('790314', '790344') }, TODAY)).toEqual([]);
    expect(mrzDates({ page: 1, text: 'Телефон 7903144 М 1804227, кабинет 12' }, TODAY)).toEqual([]);
  });

  it("gives a passport copy its validity end when OCR garbled the printed dates", () => {
    const page = {
      page: 1,
      text: "PEOPLE'S REPUBLIC OF CHINA PASSPORT\nЖН/Оае of issue 2345)/APR 2008\nP<CHNAS IKAER<<NUERLAN<<<<<<<<<<<<<<<<<<<<<<<\n30306445 9CHN7 90314 4M180422 7NHKADBEDD<<<<<24\nКопия паспорта представлена заявителем.",
    };
    const found = findDocumentDates([page]);
    expect(found.filter((d) => d.kind === 'valid-until').map((d) => d.date)).toEqual(['2018-04-22']);
    expect(found.find((d) => d.role === 'birth_date')?.date).toBe('1979-03-14');
  });

  it('corrects a printed validity end one digit away from the zone’s, and leaves another document’s alone', () => {
    const random = randomFrom(7);
    for (const [printed, zoneEnds] of [
      ['08 FEB 2031', '2031-02-09'],
      ['Срок действия: 21.09.2027', '2027-09-27'],
    ] as const) {
      const text = `PASSPORT\nDate of expiry / Срок действия\n${printed}\n${zone(random, '1983-07-22', zoneEnds, false)}`;
      const ends = findDocumentDates([{ page: 1, text }]).filter((d) => d.kind === 'valid-until');
      expect(ends.map((d) => d.date), printed).toEqual([zoneEnds]);
      expect(ends[0]!.surface).not.toMatch(/</u); // the printed date stands, with the zone's reading
    }
    // control: a residence permit's validity on the same copy is its own, two digits from the passport's
    const text = `Вид на жительство действителен до 21.09.2027\n${zone(random, '1983-07-22', '2031-02-08', false)}`;
    expect(findDocumentDates([{ page: 1, text }]).filter((d) => d.kind === 'valid-until').map((d) => d.date)).toEqual(['2027-09-21']);
  });
});
