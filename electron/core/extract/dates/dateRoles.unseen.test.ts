import { describe, expect, it } from 'vitest';
import type { Word } from '../../../../shared/domain/document';
import type { DateFinding } from '../types';
import { findDocumentDates } from './dateRoles';

/**
 * The failures issue 13 measured on documents never seen, each as the rule that answers it, in at least
 * two languages. The wording is this file's own, not a corpus document's.
 */
const read = (...pages: string[]) => findDocumentDates(pages.map((text, i) => ({ page: i + 1, text })));
const own = (found: DateFinding[]) => found.filter((d) => d.kind === 'document').map((d) => d.date);
const validity = (found: DateFinding[]) => found.filter((d) => d.kind === 'valid-until').map((d) => d.date);
const roleOf = (found: DateFinding[], date: string) => found.find((d) => d.date === date)?.role;

describe('validity ends on forms', () => {
  it('reads a synonym of the label, in Russian, Kazakh, English and Chinese', () => {
    expect(validity(read('Паспорт гражданина\nСрок действия: 12.02.2027'))).toEqual(['2027-02-12']);
    expect(validity(read('Жарамдылық мерзімі: 2027 жылғы 12 ақпан'))).toEqual(['2027-02-12']);
    expect(validity(read('Date of expiry: 12 FEB 2027'))).toEqual(['2027-02-12']);
    expect(validity(read('有效期限：2027年2月12日'))).toEqual(['2027-02-12']);
  });

  it('reads the value on the next line or in the next column, under a trilingual label', () => {
    expect(validity(read('Действительно до / Жарамдылық мерзімі / Valid until\n12 ФЕВ/FEB 2027'))).toEqual(['2027-02-12']);
    expect(validity(read('Дата выдачи / Issued        Срок действия / Expiry date\n12.02.2017                  12.02.2027'))).toEqual(['2027-02-12']);
  });

  it('reads an extension in Chinese as in Russian', () => {
    expect(validity(read('你的居留证件有效期延长至2027年2月12日。'))).toEqual(['2027-02-12']);
    expect(validity(read('Срок действия удостоверения продлен до 12.02.2027.'))).toEqual(['2027-02-12']);
  });

  it('reads a card whose columns OCR read as two blocks, through the words’ boxes', () => {
    const cells: Array<[number, number, string]> = [
      [0, 0, 'Туған күні / Date of birth'],
      [0, 40, '14.03.1979'],
      [1, 0, 'Берілген күні / Date of issue'],
      [1, 40, '20.01.2022'],
      [2, 0, 'Жарамды / Valid until'],
      [2, 40, '20.01.2023'],
    ];
    const wordsOf = ([row, column, text]: [number, number, string]) => {
      let x = column;
      return text.split(' ').map((word): Word => {
        const box: Word = { text: word, bbox: [x * 11, row * 34, (x + word.length) * 11, row * 34 + 22], conf: 90 };
        x += word.length + 1;
        return box;
      });
    };
    // tesseract's order: the label column, then the value column
    const ordered = [...cells.filter((c) => c[1] === 0), ...cells.filter((c) => c[1] !== 0)];
    const text = ordered.map((c) => c[2]).join('\n');
    const found = findDocumentDates([{ page: 1, text, words: ordered.flatMap(wordsOf) }]);
    expect(found.map((d) => [d.date, d.kind, d.role])).toEqual([
      ['1979-03-14', 'other', 'birth_date'],
      ['2022-01-20', 'document', 'issue_date'],
      ['2023-01-20', 'valid-until', 'valid_until'],
    ]);
  });
});

describe('the document date is none of the dates it cites', () => {
  it('is not the date of the letter answered, in Russian, Kazakh, English and Chinese', () => {
    expect(own(read('Уважаемый заявитель!\n\nНа ваше обращение от 05.03.2021 сообщаем следующее.\n\nНачальник А. Серикбаев\n12.04.2021'))).toEqual(['2021-04-12']);
    expect(own(read('Сіздің 2021 жылғы 5 наурыздағы хатыңызға жауап ретінде хабарлаймыз.\n\nБасқарма басшысы\n12.04.2021'))).toEqual(['2021-04-12']);
    expect(own(read('In reply to your enquiry of 5 March 2021, we confirm receipt.\n\nHead of Office\n12 April 2021'))).toEqual(['2021-04-12']);
    const zh = read('关于你2021年3月5日提交的申请，现答复如下。\n\n额敏县公安局\n\n2021年4月12日');
    expect(own(zh)).toEqual(['2021-04-12']);
    expect(roleOf(zh, '2021-03-05')).toBe('cited_document_date');
  });

  it("is not a law's date, with or without its number, in Russian and Chinese", () => {
    expect(own(read('На основании Закона от 20 декабря 2004 года «О гражданстве» отказано.\n\nг. Алматы, 12.04.2021'))).toEqual(['2021-04-12']);
    expect(roleOf(read('根据《户口登记条例》（1958年1月9日公布）等有关规定，现通知你。\n\n2021年4月12日'), '1958-01-09')).toBe('law_enactment');
  });

  it('is not a border crossing told in the body, in Russian, English and Chinese', () => {
    expect(roleOf(read('Заявитель прибыл в Республику Казахстан 29 января 2014 через пункт пропуска.'), '2014-01-29')).toBe('event_date');
    expect(own(read('Legal Aid Centre\n\nThe applicant arrived in Kazakhstan on 13 November 2018.\n\nHead of Office\n13.05.2019'))).toEqual(['2019-05-13']);
    expect(roleOf(read('你于2018年9月11日经霍尔果斯口岸出境前往哈萨克斯坦。'), '2018-09-11')).toBe('event_date');
  });

  it('is not a birth date marked «г.р.» or «ж.т.» after the year word', () => {
    expect(own(read('Токтаркызы С.,\n25 августа 1971 года г.р.\n\nВаше заявление рассмотрено.\n\nНачальник управления 12 августа 2017 года'))).toEqual(['2017-08-12']);
    expect(own(read('Әбілұлы Болатқа, 11 наурыз 1992 ж. ж.т.\n\nӨтінішіңіз қаралды.\n\nБасқарма басшысы 2019 ж. 5 қараша'))).toEqual(['2019-11-05']);
  });

  it("is not older than what the letter cites, when nothing marks it as the letter's own", () => {
    // an unlabelled date on the first line of the body, earlier than the request it answers
    const found = read('Аскарулы Нурлан\n14.03.1979\n\nВаше обращение от 05.03.2021 рассмотрено.\n\nНачальник\n12.04.2021');
    expect(own(found)).toEqual(['2021-04-12']);
    expect(own(read('Nurlan Askaruly\n14.03.1979\n\nWe refer to your application dated 5 March 2021.\n\nHead of Office, 12 April 2021'))).toEqual(['2021-04-12']);
  });

  it("a Chinese notice's 年月日 at the end wins over the birth date", () => {
    const notice = read('艾格尔木·道来提克孜（出生日期：1981年3月5日）：\n\n现通知你于2020年6月1日前返回。\n\n额敏县公安局\n\n2020年5月12日');
    expect(own(notice)).toEqual(['2020-05-12']);
    expect(roleOf(notice, '1981-03-05')).toBe('birth_date');
    expect(own(read('艾格尔木（1981年3月5日生）：\n\n额敏县公安局\n\n二〇二〇年五月十二日'))).toEqual(['2020-05-12']);
  });
});

describe('two-digit years', () => {
  it('puts a birth date in the century before the page’s other dates, in Russian and English', () => {
    expect(roleOf(read('Дата рождения: 01.02.45\nДата выдачи: 01.02.2021'), '1945-02-01')).toBe('birth_date');
    expect(validity(read('Date of issue: 01.02.21\nDate of expiry: 01.02.31'))).toEqual(['2031-02-01']);
  });
});

describe('the document date as legal English writes it', () => {
  it('takes «Dated this …» and «Done at … on …» for the document’s own date, before a birth and a decision cited', () => {
    const order = read('ORDER\nUpon the application of Ms. Bekova, born 2 February 1975, the decision of 10 January 2026 shall not be enforced.\nDated this 14th day of April, 2026.');
    expect(own(order)).toEqual(['2026-04-14']);
    const agreement = read('Agreement on legal assistance\nThe client was born on 03.11.1978.\nDone at Almaty on 2 March 2026.');
    expect(own(agreement)).toEqual(['2026-03-02']);
  });
});


describe('found on a third probe: letterheads, stamps and expiries announced', () => {
  /** Words on a grid (11 px a character, 34 px a line) from lines of [column, text] cells; the text joins a row's cells with one space, as a text layer does. */
  function laidOut(rows: Array<Array<[number, string]>>): { page: number; text: string; words: Word[] } {
    const words: Word[] = [];
    const lines = rows.map((cells, row) =>
      cells
        .map(([column, cellText]) => {
          let x = column;
          for (const text of cellText.split(' ')) {
            words.push({ text, bbox: [x * 11, row * 34, (x + text.length) * 11, row * 34 + 22], conf: 95 });
            x += text.length + 1;
          }
          return cellText;
        })
        .join(' '),
    );
    return { page: 1, text: lines.join('\n'), words };
  }

  it('takes a reference line for the letter’s own date when the addressee stands beside it, in Russian and Kazakh', () => {
    const ru = laidOut([[[0, 'УПРАВЛЕНИЕ МИГРАЦИОННОЙ СЛУЖБЫ']], [[0, '28.01.2026 № 3-12/419'], [40, 'Адвокату Сейткалиевой М.']], [[0, 'Ходатайство от 12.12.2025 рассмотрено.']]]);
    expect(own(findDocumentDates([ru]))).toEqual(['2026-01-28']);
    const kk = laidOut([[[0, 'КӨШІ-ҚОН ҚЫЗМЕТІ']], [[0, '2026 жылғы 3 ақпан № 5-Ж/2231'], [40, 'Адвокат М. Сейтқалиеваға']], [[0, 'Сіздің 2026 жылғы 15 қаңтардағы сұрауыңыз қаралды.']]]);
    expect(own(findDocumentDates([kk]))).toEqual(['2026-02-03']);
    // control: without the words' boxes the line reads as prose, and the date is not taken as the reference's
    expect(roleOf(read(ru.text), '2026-01-28')).not.toBe('document_date');
  });

  it('reads a number with its date on the line under it: the letter’s outgoing one, and a received stamp’s', () => {
    const found = read('ОФ «Правовая помощь»\nВх. № 77\n«10» февраля 2026 г.\nШығ. № 5-Ж/2231\n2026 жылғы 4 ақпан\nСіздің сұрауыңызға жауап.');
    expect(own(found)).toEqual(['2026-02-04']);
    expect(roleOf(found, '2026-02-10')).toBe('application_date');
    const english = read('Our ref. NRLC/2026/044\n5 March 2026\nReceived: No. 118\n9 March 2026\nDear Sir,');
    expect(own(english)).toEqual(['2026-03-05']);
  });

  it('takes «Date of this letter», «Дата письма» for the document’s date, over an interview date in the same table', () => {
    expect(own(read('Interview date        17 March 2026\nTime                  09:30\nDate of this letter   24 February 2026'))).toEqual(['2026-02-24']);
    expect(own(read('Дата собеседования   17.03.2026\nДата письма          24.02.2026'))).toEqual(['2026-02-24']);
  });

  it('makes an expiry the letter announces, after its own date, a validity end; one before it stays past', () => {
    const kk = read('2026 жылғы 4 ақпан № 5-Ж/2231\nАзаматтың босқын куәлігінің қолданылу мерзімі 2026 жылғы 30 сәуірде аяқталады.');
    expect(validity(kk)).toEqual(['2026-04-30']);
    const ru = read('04.02.2026 № 5-12/88\nСрок действия паспорта заявителя истекает 30.04.2026.');
    expect(validity(ru)).toEqual(['2026-04-30']);
    const past = read('04.02.2026 № 5-12/88\nСрок действия паспорта заявителя истек 30.04.2025.');
    expect(validity(past)).toEqual([]);
  });
});
