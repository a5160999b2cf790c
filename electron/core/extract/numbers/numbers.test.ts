import { describe, expect, it } from 'vitest';
import type { NumberFinding } from '../types';
import { findNumbers } from './numbers';

const read = (...pages: string[]) => findNumbers(pages.map((text, i) => ({ page: i + 1, text })));
const pairs = (found: NumberFinding[]) => found.map((finding) => [finding.number, finding.role]);
const only = (text: string) => {
  const found = read(text);
  expect(found, text).toHaveLength(1);
  return [found[0]!.number, found[0]!.role];
};

describe('the outgoing number', () => {
  it('is the number on the date line under the letterhead, in any language', () => {
    expect(only('МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ\n\n02.04.2021 № 3-1-17/А-1881\n\nГражданину КНР')).toEqual(['3-1-17/А-1881', 'outgoing']);
    expect(only('MIGRATION SERVICE COMMITTEE\n\n08.03.2021 No. 3-1-17/К-3807\n\nTo: Mr. Yerzhan Kadyrbekuly')).toEqual(['3-1-17/К-3807', 'outgoing']);
    expect(only('2 апреля 2021 года № 3-1-17/А-1881\n\nАскарулы Н.')).toEqual(['3-1-17/А-1881', 'outgoing']);
  });

  it('is the number after «Исх. №», «Шығ. №», «Ref. No.»', () => {
    expect(only('Исх. № 96/21 от 25.10.2021')).toEqual(['96/21', 'outgoing']);
    expect(only('Шығ. № 15-2/123')).toEqual(['15-2/123', 'outgoing']);
    expect(only('Ref. No. 45/2021 dated 12 May 2021')).toEqual(['45/2021', 'outgoing']);
  });

  it("is a title's number: a certificate of release, a commission's decision", () => {
    expect(only('КОМИТЕТ УГОЛОВНО-ИСПОЛНИТЕЛЬНОЙ СИСТЕМЫ\n\nСПРАВКА № 759\n\nоб освобождении\n\nВыдана гражданину КНР')).toEqual(['759', 'outgoing']);
    expect(only('РЕШЕНИЕ № 38\nо присвоении статуса беженца\n\nг. Алматы 14 октября 2019 г.')).toEqual(['38', 'outgoing']);
  });

  it('is a Chinese document number on its own line at the head; in prose it is cited', () => {
    expect(only('额敏县公安局\n\n额公（治）通字〔2019〕37号\n\n限期返回通知书\n\n艾格尔木·道来提克孜：\n\n你于2018年9月11日出境。')).toEqual(['额公（治）通字〔2019〕37号', 'outgoing']);
    expect(only('Emin County police issued a notice (额公（治）通字〔2019〕37号) demanding her return.')).toEqual(['额公（治）通字〔2019〕37号', 'cited']);
  });

  it("is the annex's letter number: «Приложение к письму № …»", () => {
    expect(only('Приложение\nк письму № 21-12/Ж-3664 от 23.04.2021')).toEqual(['21-12/Ж-3664', 'outgoing']);
  });

  it('is not a number that merely opens a wrapped line of a sentence', () => {
    expect(only('о признании незаконным и отмене решения от\n02.04.2021 № 3-1-17/А-1881,\n\nУСТАНОВИЛ:')).toEqual(['3-1-17/А-1881', 'cited']);
    expect(only('1) жауапкердің 26.03.2021 № 3-1-17/Т-3033 жауабын заңсыз деп тануды;')).toEqual(['3-1-17/Т-3033', 'cited']);
  });
});

describe('incoming and cited numbers', () => {
  it('reads the incoming number of the request answered', () => {
    expect(only('рассмотрев Ваше обращение от 5 марта 2021 года (вх.\n№ А-1835)')).toEqual(['А-1835', 'incoming']);
    expect(only('Сіздің 2021 жылғы 24 наурыздағы өтінішіңізді (кіріс № Д-2680) қарап')).toEqual(['Д-2680', 'incoming']);
    expect(only('Having considered your application of 5 March 2021 (incoming No. A-1835)')).toEqual(['A-1835', 'incoming']);
    expect(pairs(read('13.10.2021 № 3-1-17/Ж-7429\n\nНа № Ж-1734 от 21.09.2021'))).toEqual([['3-1-17/Ж-7429', 'outgoing'], ['Ж-1734', 'incoming']]);
  });

  it('reads numbers of other documents as cited', () => {
    expect(only('Ответом Комитета от 13.10.2021 № 3-1-17/Ж-7429 ему отказано')).toEqual(['3-1-17/Ж-7429', 'cited']);
    expect(only('на Ваше обращение от 01.02.2021 № 15 сообщаем')).toEqual(['15', 'cited']);
    expect(only('refused the Claimant a permanent residence permit by letter No. 3-1-17/А-1881')).toEqual(['3-1-17/А-1881', 'cited']);
    expect(only('2021 жылғы 26 наурыздағы № 3-1-17/Т-3033 жауабымен Тоқтарқызы Сәуле')).toEqual(['3-1-17/Т-3033', 'cited']);
    expect(only('Сіздің 2021 жылғы 5 наурыздағы № 123 өтінішіңіз қаралды.')).toEqual(['123', 'cited']);
  });
});

describe('certificates, passports, IINs and cases', () => {
  it('reads refugee certificate numbers in each language', () => {
    expect(only('а удостоверение беженца № 000134 в соответствии с законодательством')).toEqual(['000134', 'certificate']);
    expect(only('ал № 000418 босқын куәлігі тұрақты тұруға рұқсат')).toEqual(['000418', 'certificate']);
    expect(only('holds refugee certificate No.\n000134, currently valid until 20 January 2022')).toEqual(['000134', 'certificate']);
    expect(only('ҚАЗАҚСТАН РЕСПУБЛИКАСЫ\n\nБОСҚЫН КУӘЛІГІ / УДОСТОВЕРЕНИЕ БЕЖЕНЦА\n\nREFUGEE CERTIFICATE  № 000134\n\nТегі / Фамилия / Surname АСҚАРҰЛЫ')).toEqual(['000134', 'certificate']);
  });

  it('reads passport numbers, with «№» or after the word', () => {
    expect(only('срок действия паспорта гражданина Китайской Народной Республики № E30306445, выданного на Ваше имя')).toEqual(['E30306445', 'passport']);
    expect(only('Қытай Халық Республикасы азаматының № E73021082 паспортының қолданылу мерзімі')).toEqual(['E73021082', 'passport']);
    expect(only('the Chinese authorities will not renew his passport No.\nE30306445, which expired')).toEqual(['E30306445', 'passport']);
    expect(only('Паспорт: E30306445, срок действия до 01.01.2025')).toEqual(['E30306445', 'passport']);
  });

  it('reads IINs by their label, or by their shape', () => {
    expect(only('ЖСН / ИИН / IIN 790314331596')).toEqual(['790314331596', 'iin']);
    expect(only('ИИН: 861102487751')).toEqual(['861102487751', 'iin']);
    expect(only('КНР, Нилкинский уезд\n790314331596')).toEqual(['790314331596', 'iin']);
    expect(read('户主 努尔兰·阿斯卡尔 男 哈萨克族 1979年03月14日 65402819790314****')).toEqual([]);
    expect(read('тел.: 8 (7172) 55-01-00, 010000, город Нур-Султан, 123456789012')).toEqual([]);
  });

  it('reads case numbers', () => {
    expect(only('П Р И Г О В О Р\n\nДело № 1953-19-00-1/167\n\n9 сентября 2019 года г. Жаркент')).toEqual(['1953-19-00-1/167', 'case']);
    expect(only('Решение суда от 12.03.2021 по делу № 2-123/2021 вступило в законную силу')).toEqual(['2-123/2021', 'case']);
    expect(only('Алматы қаласы сотының іс № 7599-21-00-4а/818 бойынша')).toEqual(['7599-21-00-4а/818', 'case']);
    expect(only('Case No. 7599-21-00-4а/818')).toEqual(['7599-21-00-4а/818', 'case']);
  });

  it("leaves laws' numbers to the law extractor, and calls a notary's register number other", () => {
    expect(read('Закона Республики Казахстан от 22 июля 2011 года № 477-IV «О миграции населения»')).toEqual([]);
    expect(read('ЗРК от 7 января 2003 года N370-II «Об электронном документе»')).toEqual([]);
    expect(read('Law No. 1017-ХП as OCR reads it, and № 4771V')).toEqual([]);
    expect(pairs(read('acting on the basis of state licence No.\n87648. Registered in the register under No. 2701.'))).toEqual([['87648', 'other'], ['2701', 'other']]);
  });
});

describe('normalisation', () => {
  it('drops «№» and the spaces OCR puts inside a number, and keeps each letter in its script', () => {
    const [cyrillic] = read('26.03.2021 № 3-1-1 7/Т-3033');
    expect(cyrillic).toMatchObject({ number: '3-1-17/Т-3033', role: 'outgoing', surface: '3-1-1 7/Т-3033' });
    expect(only('02.04.2021 No. 3-1-17/A-1881')[0]).toBe('3-1-17/A-1881');
    expect(only('02.04.2021 № 3-1-17/ А-1881')[0]).toBe('3-1-17/А-1881');
  });

  it('reads what OCR makes of «№»', () => {
    expect(only('09.12.2020 Ne 3-1-17/T-3931')).toEqual(['3-1-17/T-3931', 'outgoing']);
    expect(only('03.06.2019 берілген Хо 000418 босқын куәлігі')).toEqual(['000418', 'certificate']);
    expect(read('No contact with relatives since 2018. Not for distribution.')).toEqual([]);
  });

  it('gives the span of the number itself, on its page', () => {
    const text = 'Копия\n\nудостоверение беженца № 000956 и двух фотографий';
    const [finding] = read('Титул', text).filter((f) => f.page === 2);
    expect(finding).toMatchObject({ page: 2, number: '000956' });
    expect(text.slice(finding!.start, finding!.end)).toBe('000956');
  });
});
