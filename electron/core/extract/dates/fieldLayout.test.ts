import { describe, expect, it } from 'vitest';
import type { Word } from '../../../../shared/domain/document';
import type { PageInput } from '../types';
import { labelAtEnd, labelOfCell } from './dateLabels';
import { cellRows, fieldLabels } from './fieldLayout';
import { readDates } from './readDates';

/** The label of each date on the page, as «role how». */
const labels = (page: PageInput) => fieldLabels(page, readDates(page.text)).map((label) => (label ? `${label.role} ${label.how}` : null));
const text = (value: string): PageInput => ({ page: 1, text: value });

/** Words laid out on a grid (11 px a character, 34 px a line), and the text in the order given. */
function ocr(lines: Array<Array<[column: number, text: string]>>, order: Array<[line: number, cell: number]>): PageInput {
  const boxes = lines.map((cells, row) =>
    cells.map(([column, cellText]) => {
      let x = column;
      return cellText.split(' ').map((word): Word => {
        const box: Word = { text: word, bbox: [x * 11, row * 34, (x + word.length) * 11, row * 34 + 22], conf: 90 };
        x += word.length + 1;
        return box;
      });
    }),
  );
  const words = order.flatMap(([row, cell]) => boxes[row]![cell]!);
  const textLines: string[] = [];
  let lastRow = -1;
  for (const [row, cell] of order) {
    const cellText = boxes[row]![cell]!.map((w) => w.text).join(' ');
    if (row === lastRow) textLines[textLines.length - 1] += ` ${cellText}`;
    else textLines.push(cellText);
    lastRow = row;
  }
  return { page: 1, text: textLines.join('\n'), words };
}

describe('the label vocabulary', () => {
  it('knows the synonyms of a validity end in four languages', () => {
    for (const label of ['Срок действия', 'Действительно до', 'Годен до', 'Жарамдылық мерзімі', 'Қолданылу мерзімі', 'Expiry date', 'Date of expiry', 'Valid thru', '有效期至', '有效期限', '截止日期']) {
      expect(labelOfCell(label), label).toBe('valid_until');
    }
  });

  it('reads a label in several languages split by slashes, and any case', () => {
    expect(labelOfCell('Действительно до / Жарамдылық мерзімі / Valid until')).toBe('valid_until');
    expect(labelOfCell('ТУҒАН КҮНІ/DATE OF BIRTH:')).toBe('birth_date');
    expect(labelOfCell('签发日期/Date of issue')).toBe('issue_date');
    expect(labelOfCell('4b. Date of expiry')).toBe('valid_until');
  });

  it('reads labels whose space OCR dropped, and Kazakh read without Kazakh letters', () => {
    expect(labelOfCell('Validuntil')).toBe('valid_until');
    expect(labelOfCell('Датавыдачи')).toBe('issue_date');
    expect(labelOfCell('Туган куни')).toBe('birth_date');
    expect(labelOfCell('Жарамдылык мерзiмi')).toBe('valid_until');
  });

  it('takes a lone «Дата», «Date», «日期» for the document date, and nothing else for a label', () => {
    expect(labelOfCell('Дата:')).toBe('document_date');
    expect(labelOfCell('日期')).toBe('document_date');
    expect(labelOfCell('Место выдачи / Place of issue')).toBeNull();
    expect(labelOfCell('Дата рождения / Date of issue')).toBeNull();
    expect(labelOfCell('Срок действия паспорта истек, о чем сообщаем')).toBeNull();
  });

  it('finds a label at the end of a line, but not one a slash-part runs away from', () => {
    expect(labelAtEnd('Паспорт: срок действия')).toBe('valid_until');
    expect(labelAtEnd('护照有效期至')).toBe('valid_until');
    expect(labelAtEnd('Кем выдан / Берген орган МВД РК и еще много слов после')).toBeNull();
  });
});

describe('cells from text', () => {
  it('splits columns on runs of spaces and counts a CJK character two columns wide', () => {
    const rows = cellRows(text('签发地点/Place of issue      签发日期/Date of issue\n\n新疆/XINJIANG      23 4月/APR 2008'));
    expect(rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['签发地点/Place of issue', '签发日期/Date of issue'],
      ['新疆/XINJIANG', '23 4月/APR 2008'],
    ]);
    expect(rows[0]![1]!.x0).toBe(29);
  });
});

describe('labels paired with values through the layout', () => {
  it('reads the label before the value in its cell, in Russian and Chinese', () => {
    expect(labels(text('Срок действия: 01.02.2030'))).toEqual(['valid_until same-cell']);
    expect(labels(text('有效期至：2030年2月1日'))).toEqual(['valid_until same-cell']);
    expect(labels(text('ВЫДАНО:18-12-2012'))).toEqual(['issue_date same-cell']);
  });

  it('reads the label in the cell to the left, in Kazakh and English', () => {
    expect(labels(text('Жарамдылық мерзімі        01.02.2030'))).toEqual(['valid_until left']);
    expect(labels(text('Date of birth:            14.03.1979'))).toEqual(['birth_date left']);
  });

  it('reads the label on the line above, stacked in two languages', () => {
    expect(labels(text('Действительно до\nValid until\n01.02.2030'))).toEqual(['valid_until above']);
    expect(labels(text('Туған күні / Дата рождения\n\n14.03.1979'))).toEqual(['birth_date above']);
  });

  it('reads a row of labels over a row of values, column by column', () => {
    const page = text('Дата выдачи          Срок действия        Туған күні\n01.02.2020           01.02.2030           14.03.1979');
    expect(labels(page)).toEqual(['issue_date above', 'valid_until above', 'birth_date above']);
    const passport = text('签发机关/Authority      有效期至/Date of expiry\n\n公安部出入境管理局      22 4月/APR 2018');
    expect(labels(passport)).toEqual(['valid_until above']);
  });

  it("reads a table's header over several rows", () => {
    const table = text('Документ          Дата выдачи      Expiry date\nПаспорт           01.02.2015       01.02.2025\nУдостоверение     03.06.2019       03.06.2020');
    expect(labels(table)).toEqual(['issue_date above', 'valid_until above', 'issue_date above', 'valid_until above']);
  });

  it("reads a label whose end wrapped onto the next line, in Russian and English", () => {
    expect(labels(text('Дата 26.02.1997\nрождения:'))).toEqual(['birth_date same-cell']);
    expect(labels(text('Valid 20.01.2023\nuntil'))).toEqual(['valid_until same-cell']);
    expect(labels(text('Дата окончания\nсрока действия\n20.01.2023'))).toEqual(['valid_until above']);
  });

  it('leaves prose and values under no label to the cues', () => {
    expect(labels(text('Срок действия паспорта № E30306445 истек 22.04.2018.'))).toEqual([null]);
    expect(labels(text('Фамилия\nASKARULY\n14.03.1979'))).toEqual([null]);
  });

  it("pairs through the words' boxes when OCR read a form's columns as two blocks", () => {
    // The label column read first, the value column after it: the text puts them far apart.
    const page = ocr(
      [
        [[0, 'Дата выдачи / Issued'], [40, '20.01.2022']],
        [[0, 'Жарамды / Valid until'], [40, '20.01.2023']],
      ],
      [[0, 0], [1, 0], [0, 1], [1, 1]],
    );
    expect(page.text).toBe('Дата выдачи / Issued\nЖарамды / Valid until\n20.01.2022\n20.01.2023');
    expect(labels(page)).toEqual(['issue_date left', 'valid_until left']);
    // The text alone puts the first value under the second label.
    expect(labels({ page: 1, text: page.text })[0]).toBe('valid_until above');
  });

  it("splits two labels OCR's boxes run together over two values, each value taking its own column's", () => {
    // A passport's narrow columns two characters apart: both labels read as one cell; the first wrapped
    // («DATE OF» / «ISSUE»), its Kazakh half garbled; the second value on the wrapped word's row.
    for (const [issue, expiry] of [
      ['BEPIJITEH КУН! / DATE OF', 'ЖАРАМДЫЛЫҚ МЕРЗІМІ / DATE OF EXPIRY'],
      ['ДАТА ВЫДАЧИ / DATE OF', 'СРОК ДЕЙСТВИЯ / DATE OF EXPIRY'],
    ] as const) {
      const second = issue.length + 2;
      const page = ocr(
        [
          [[0, issue], [second, expiry]],
          [[0, 'ISSUE'], [second, '08 FEB 2031']],
          [[0, '09 FEB 2021']],
        ],
        [[0, 0], [0, 1], [1, 0], [1, 1], [2, 0]],
      );
      expect(cellRows(page)[0]).toHaveLength(1); // the labels are one cell
      expect(labels(page), issue).toEqual(['valid_until above', 'issue_date above']);
    }
  });

  it("labels a date whose cell took in a value beside it, from its own column's label", () => {
    // Two narrow columns a space apart: the values run together; the labels above stand apart.
    const before = ocr(
      [
        [[0, 'КЕМ ВЫДАН'], [20, 'Годен до']],
        [[0, 'ІІМ / МВД РК 23.01.2031']],
      ],
      [[0, 0], [0, 1], [1, 0]],
    );
    expect(labels(before)).toEqual(['valid_until above']);
    const after = ocr(
      [
        [[0, 'DOB:'], [18, 'DOCUMENT NO.']],
        [[0, '22 November 1979 №4350788']],
      ],
      [[0, 0], [0, 1], [1, 0]],
    );
    expect(labels(after)).toEqual(['birth_date above']);
    // control: a «Date» over the run-together cell is no field of the date's own
    expect(labels(ocr([[[0, 'Адрес'], [20, 'Дата']], [[0, 'г. Алматы 23.01.2031']]], [[0, 0], [0, 1], [1, 0]]))).toEqual([null]);
  });

  it('keeps a taller word in its row: a slash reaching below the line does not start a row of its own', () => {
    const words = (y: number, ...cells: Array<[x: number, text: string, height?: number]>): Word[] =>
      cells.map(([x, t, height = 18]) => ({ text: t, bbox: [x, y, x + t.length * 11, y + height], conf: 90 }));
    const page: PageInput = {
      page: 1,
      text: 'Date of issue Date of expiry\n20 AKII/FEB 2021 20 AKII/FEB 2031',
      words: [...words(100, [0, 'Date'], [55, 'of'], [80, 'issue'], [300, 'Date'], [355, 'of'], [380, 'expiry']), ...words(130, [0, '20'], [30, 'AKII/FEB', 40], [130, '2021'], [300, '20'], [330, 'AKII/FEB', 40], [430, '2031'])],
    };
    expect(cellRows(page).map((row) => row.map((cell) => cell.text))).toEqual([
      ['Date of issue', 'Date of expiry'],
      ['20 AKII/FEB 2021', '20 AKII/FEB 2031'],
    ]);
    expect(labels(page)).toEqual(['issue_date above', 'valid_until above']);
  });

  it('reads a label wrapped over several lines whose last line alone is the word «date»', () => {
    expect(labels(text('Жарамдылық\nмерзімі\nаяқталатын\nкүні:\n22-8-2025'))).toEqual(['valid_until above']);
    expect(labels(text('Срок действия до\n/ Expiration\ndate:\n24-3-2015'))).toEqual(['valid_until above']);
    // control: «date» alone over a value is the document's date
    expect(labels(text('Date:\n24-3-2015'))).toEqual(['document_date above']);
    // control: a name over a date is no part of the label above it
    expect(labels(text('Жарамды / Valid\nuntil\nАСҚАРҰЛЫ / АСКАРУЛЫ /\n14.03.1979'))).toEqual([null]);
  });

  it("pairs through the boxes when OCR joined a label and its value with one space", () => {
    const page = ocr([[[0, '有效期限'], [30, '2030.02.01']], [[0, 'Срок действия'], [30, '01.02.2030']]], [[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(labels(page)).toEqual(['valid_until left', 'valid_until left']);
  });
});
