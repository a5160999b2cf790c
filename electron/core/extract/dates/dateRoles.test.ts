import { describe, expect, it } from 'vitest';
import type { DateFinding } from '../types';
import { findDocumentDates } from './dateRoles';

const read = (...pages: string[]) => findDocumentDates(pages.map((text, i) => ({ page: i + 1, text })));
/** The finding for an ISO date (the first, or the n-th of that date). */
const at = (found: DateFinding[], date: string, nth = 0): DateFinding => {
  const match = found.filter((finding) => finding.date === date)[nth];
  expect(match, `${date} in ${JSON.stringify(found.map((f) => f.date))}`).toBeDefined();
  return match!;
};
const own = (found: DateFinding[]) => found.filter((finding) => finding.kind === 'document');
const roleOf = (text: string, date: string) => at(read(text), date).role;

const LETTER_RU = `МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ
РЕСПУБЛИКИ КАЗАХСТАН

02.04.2021 № 3-1-17/А-1881

Гражданину Китайской Народной Республики
Аскарулы Н.

Комитет, рассмотрев Ваше обращение от 5 марта 2021 года (вх.
№ А-1835), сообщает следующее. В соответствии с подпунктом 1) статьи 49 Закона
Республики Казахстан от 22 июля 2011 года № 477-IV «О миграции населения» разрешение
не выдается. Срок действия паспорта № E30306445 истек 22.04.2018.

На основании изложенного Вам отказано.

Заместитель Председателя Т. Есимханов`;

describe("the document's own date", () => {
  it('is the date beside the outgoing number under the letterhead, and no other', () => {
    const found = read(LETTER_RU);
    expect(own(found).map((d) => [d.date, d.surface])).toEqual([['2021-04-02', '02.04.2021']]);
    expect(own(found)[0]!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(at(found, '2021-03-05')).toMatchObject({ kind: 'other', role: 'application_date' });
  });

  it('is the date of «Исх. № … от …» and of «Ref. No. … dated …»', () => {
    expect(own(read('Исх. № 96/21 от 25.10.2021\n\nПредседателю Комитета')).map((d) => d.date)).toEqual(['2021-10-25']);
    expect(own(read('Ref. No. 45/2021 dated 12 May 2021\n\nDear Sir,')).map((d) => d.date)).toEqual(['2021-05-12']);
    expect(own(read('Шығ. № 15-2/123\n2021 жылғы 12 мамыр\n\nСіздің арызыңыз қаралды.')).map((d) => d.date)).toEqual(['2021-05-12']);
  });

  it('is the date of a «Date:» line', () => {
    const found = read('INTERNAL CASE MEMO\n\nDate: 12 May 2021\nPrepared by: Daniyar Abilov\n\nBorn 2 November 1986 in Emin County.');
    expect(own(found).map((d) => d.date)).toEqual(['2021-05-12']);
    expect(at(found, '1986-11-02').role).toBe('birth_date');
  });

  it('is the date-and-place line at the head of a judgment or a power of attorney', () => {
    const verdict = read('П Р И Г О В О Р\nИМЕНЕМ РЕСПУБЛИКИ КАЗАХСТАН\n\nДело № 1953-19-00-1/167\n\n9 сентября 2019 года г. Жаркент\n\nКадырбекулы Ержана, 09.05.1995 года рождения, уроженца КНР.');
    expect(own(verdict).map((d) => d.date)).toEqual(['2019-09-09']);
    expect(own(read('СЕНІМХАТ / ДОВЕРЕННОСТЬ\n\nАлматы қаласы / город Алматы 7 мая 2021 года\n\nМен, Әйгерім Дәулетқызы, 02.11.1986 ж.т.')).map((d) => d.date)).toEqual(['2021-05-07']);
    expect(own(read('РЕШЕНИЕ № 38\nо присвоении статуса беженца\n\nг. Алматы 14 октября 2019 г.\n\nКомиссия рассмотрела ходатайство.')).map((d) => d.date)).toEqual(['2019-10-14']);
  });

  it('is the date signed at the end, in Kazakh, English, Russian and Chinese', () => {
    expect(own(read('ТАЛАП АРЫЗ\n\nСұраймын: жауабын заңсыз деп тануды.\n\nАдвокат М. Сейітқалиева 2021 жылғы 15 сәуір')).map((d) => d.date)).toEqual(['2021-04-15']);
    expect(own(read('Annexes\n1. Copy of letter\n\nMadina Seitkaliyeva, advocate Almaty, 26 April 2021')).map((d) => d.date)).toEqual(['2021-04-26']);
    expect(own(read('З А Я В Л Е Н И Е\n\nПрошу оказать содействие. Моя супруга, 03.10.1975 года рождения, проживает в КНР.\n\n22.11.2021 Жумабекулы Б.')).map((d) => d.date)).toEqual(['2021-11-22']);
    const notice = read('额敏县公安局\n\n限期返回通知书\n\n你（女，哈萨克族，1986年11月2日出生）于2018年9月11日经霍尔果斯口岸出境。现通知你于2019年3月20日前返回。\n\n额敏县公安局\n\n2019年2月18日\n\n联系电话：0901-6212663');
    expect(own(notice).map((d) => d.date)).toEqual(['2019-02-18']);
    expect(at(notice, '1986-11-02').role).toBe('birth_date');
    expect(at(notice, '2019-03-20').role).toBe('deadline');
  });

  it("is a certificate's issue date", () => {
    const card = read('БОСҚЫН КУӘЛІГІ / УДОСТОВЕРЕНИЕ БЕЖЕНЦА\n\nТуған күні / Дата рождения / Date of 14.03.1979\nbirth\n\nБерілген күні / Дата выдачи / Issued 20.01.2022\n\nЖарамды / Действительно до / Valid 20.01.2023\nuntil');
    expect(own(card)).toMatchObject([{ date: '2022-01-20', role: 'issue_date' }]);
    expect(at(card, '2023-01-20').kind).toBe('valid-until');
    expect(at(card, '1979-03-14').role).toBe('birth_date');
  });

  it("is, for a certified translation, the translator's date; the original's stays with it", () => {
    const found = read(
      'Translation from Russian into English\n\nMIGRATION SERVICE COMMITTEE\n\n02.04.2021 No. 3-1-17/A-1881\n\nYou have been refused a permanent residence permit.',
      "TRANSLATOR'S CERTIFICATE\n\nI certify the above translation of letter No. 3-1-17/A-1881 dated 2 April 2021.\n\nTranslator: A. Nurbekova\n\nAlmaty, 12 April 2021\n\nRepublic of Kazakhstan, city of Almaty, 12 April 2021.\nI, Arman Zhakipov, notary of the city of Almaty, witness the signature.",
    );
    expect(own(found)).toMatchObject([{ date: '2021-04-12', page: 2, role: 'translation_date' }]);
    expect(at(found, '2021-04-12', 1).role).toBe('notarisation_date');
    expect(at(found, '2021-04-02')).toMatchObject({ kind: 'other', role: 'original_document_date' });
  });

  it('stays the issue date of an extract that merely has a notarised translation attached', () => {
    const found = read(
      '居民户口簿（摘录）\n\n签发日期：2016年8月9日',
      'Перевод с китайского языка на русский язык\n\nДата выдачи: 09.08.2016\n\nПеревод выполнен переводчиком А. Нурбекова\n\nГород Алматы, Республика Казахстан, 22 апреля 2021 года.\n\nЯ, Арман Жакипов, нотариус города Алматы, свидетельствую подлинность подписи.',
    );
    expect(own(found)).toMatchObject([{ date: '2016-08-09', page: 1 }]);
    expect(at(found, '2021-04-22').role).toBe('notarisation_date');
  });

  it('is one date even when the header repeats on a translation page and an annex', () => {
    const found = read(
      '23.04.2021 № 21-12/Ж-3664\n\nЖұмабекұлы Болат\n\nСіздің 2021 жылғы 29 наурыздағы өтінішіңіз қаралды.',
      '(перевод на русский язык)\n\n23.04.2021 № 21-12/Ж-3664\n\nВаше заявление от 29 марта 2021 года рассмотрено.',
      'Приложение\nк письму № 21-12/Ж-3664 от 23.04.2021\n\nОПИСЬ возвращаемых документов',
    );
    expect(own(found)).toMatchObject([{ date: '2021-04-23', page: 1 }]);
    expect(found.filter((d) => d.date === '2021-04-23').map((d) => [d.page, d.role])).toEqual([[1, 'document_date'], [2, 'document_date'], [3, 'document_date']]);
  });

  it('is a guess with low confidence when nothing marks it', () => {
    const found = read('Уважаемый заявитель, 15 марта 2021 года мы получили ваши документы и скоро ответим.');
    expect(own(found).map((d) => d.date)).toEqual(['2021-03-15']);
    expect(own(found)[0]!.confidence).toBeLessThan(0.5);
  });

  it('is never a date of birth, of a law, or of the request answered', () => {
    expect(own(read('Ваше обращение от 5 марта 2021 года рассмотрено. Закон от 22 июля 2011 года № 477-IV. Родился 1 мая 1980 года.'))).toEqual([]);
  });
});

describe('validity', () => {
  it('reads «действительно до», «дейін жарамды», «valid until», «expiry date»', () => {
    expect(at(read('Удостоверение беженца действительно до 10.10.2023 г.'), '2023-10-10').kind).toBe('valid-until');
    expect(at(read('Настоящее удостоверение выдано 05.05.2020 и действительно по 05.05.2021.'), '2021-05-05').kind).toBe('valid-until');
    expect(at(read('Куәлік 2022 жылғы 3 маусымға дейін жарамды.'), '2022-06-03').kind).toBe('valid-until');
    expect(at(read('Куәліктің жарамдылық мерзімі 03.06.2022'), '2022-06-03').kind).toBe('valid-until');
    expect(at(read('and holds refugee certificate No. 000134, currently valid until 20 January 2022.'), '2022-01-20').kind).toBe('valid-until');
    expect(at(read('Expiry date: 22/04/2018'), '2018-04-22').kind).toBe('valid-until');
    expect(at(read('Дата окончания срока действия: 01.01.2025'), '2025-01-01').kind).toBe('valid-until');
  });

  it('reads a term: «выдана сроком на один год, до …», «сроком на один год с … по …», «有效期限 …-…»', () => {
    expect(at(read('Доверенность выдана сроком на один год, до 07.05.2022, без права передоверия.'), '2022-05-07').kind).toBe('valid-until');
    const status = read('1. Присвоить Токтаркызы Сауле статус беженца сроком на один год с\n14.10.2019 по 14.10.2020.');
    expect(at(status, '2019-10-14')).toMatchObject({ kind: 'other', role: 'valid_from' });
    expect(at(status, '2020-10-14')).toMatchObject({ kind: 'valid-until', role: 'valid_until' });
    expect(at(read('The status was granted for a period of one year from 14 October 2019 to 14 October 2020.'), '2020-10-14').kind).toBe('valid-until');
    const card = read('有效期限：2019.02.18-2029.02.18');
    expect(at(card, '2029-02-18').kind).toBe('valid-until');
    expect(at(card, '2019-02-18').role).toBe('valid_from');
  });

  it('tells a term served from a validity', () => {
    const served = read('в том, что он отбывал наказание в учреждении ЛА-155/97 с 29.07.2019 по\n27.01.2020 и освобожден 27.01.2020 по отбытии срока наказания.');
    expect(at(served, '2019-07-29').role).toBe('sentence_start');
    expect(at(served, '2020-01-27')).toMatchObject({ kind: 'other', role: 'release_date' });
    expect(at(served, '2020-01-27', 1).role).toBe('release_date');
  });

  it('reads an extension in Russian, Kazakh and English', () => {
    expect(at(read('срок действия удостоверения беженца № 000418, выданного 03.06.2019, продлен на один год – до 03.06.2022 включительно.'), '2022-06-03').kind).toBe('valid-until');
    expect(at(read('босқын куәлігінің қолданылу мерзімі бір жылға – 2023 жылғы 14 қазанға\nдейін ұзартылғанын хабарлайды.'), '2023-10-14').kind).toBe('valid-until');
    expect(at(read('The certificate has been extended until 15 August 2023.'), '2023-08-15').kind).toBe('valid-until');
  });

  it('keeps the printed end as the original when a stamp extends it', () => {
    const found = read('Жарамды / Действительно до / Valid 15.08.2022\nuntil\n\nҰЗАРТЫЛДЫ / ПРОДЛЕНО\nдо 15.08.2023\nУМС ДП г. Алматы');
    expect(found.filter((d) => d.kind === 'valid-until').map((d) => d.date)).toEqual(['2023-08-15']);
    expect(at(found, '2022-08-15')).toMatchObject({ kind: 'other', role: 'valid_until_original' });
  });

  it("reads a passport's expiry under its label, and an expired passport as past", () => {
    const passport = read('出生日期/Date of birth\n\n14 3月/MAR 1979\n\n签发地点/Place of issue      签发日期/Date of issue\n\n新疆/XINJIANG      23 4月/APR 2008\n\n签发机关/Authority      有效期至/Date of expiry\n\n公安部出入境管理局      22 4月/APR 2018');
    expect(at(passport, '2018-04-22')).toMatchObject({ kind: 'valid-until' });
    expect(at(passport, '2008-04-23')).toMatchObject({ kind: 'document', role: 'issue_date' });
    expect(at(passport, '1979-03-14').role).toBe('birth_date');
    expect(at(read('срок действия паспорта гражданина КНР № E30306445 истек 22.04.2018.'), '2018-04-22')).toMatchObject({ kind: 'other', role: 'passport_expiry' });
    expect(roleOf('his passport No. E30306445, which expired on 22 April 2018', '2018-04-22')).toBe('passport_expiry');
    expect(roleOf('Қытай Халық Республикасы азаматының № E73021082 паспортының қолданылу мерзімі 2018 жылғы 22 тамызда аяқталған', '2018-08-22')).toBe('passport_expiry');
  });
});

describe('roles of the other dates', () => {
  it('reads birth dates in each language', () => {
    expect(roleOf('Даулеткызы Айгерим, 02.11.1986 года\nрождения', '1986-11-02')).toBe('birth_date');
    expect(roleOf('Жумабекулы Болату, 25.07.1972 г.р., уроженцу Коктогайского уезда', '1972-07-25')).toBe('birth_date');
    expect(roleOf('Талапкер: Сәуле Тоқтарқызы, 17.09.1968 ж.\nт., ҚХР азаматы', '1968-09-17')).toBe('birth_date');
    expect(roleOf('Claimant: Nurlan Askaruly, born 14.03.1979, refugee certificate No. 000134', '1979-03-14')).toBe('birth_date');
    expect(roleOf('Дата рождения: 09.05.1995', '1995-05-09')).toBe('birth_date');
    expect(roleOf('你（女，哈萨克族，1986年11月2日出生）', '1986-11-02')).toBe('birth_date');
    expect(roleOf('Бірге жүрген балалар / Дети: Нурланкызы Аружан, 21.04.2012', '2012-04-21')).toBe('birth_date');
    const marriage = read('Дата рождения 25.07.1972 03.10.1975\n\nДата регистрации брака: 12.09.1998.');
    expect(at(marriage, '1975-10-03').role).toBe('birth_date');
    expect(at(marriage, '1998-09-12').role).toBe('marriage_date');
  });

  it('reads birth dates down a table under its header', () => {
    const table = read('与户主关系 姓名 性别 民族 出生日期 公民身份号码\n\n户主 努尔兰·阿斯卡尔 男 哈萨克族 1979年03月14日 65402819790314****\n\n母亲 库拉西·木哈买提 女 哈萨克族 1952年06月08日 65402819520608****');
    expect(table.map((d) => d.role)).toEqual(['birth_date', 'birth_date']);
  });

  it('reads the date of the request being answered', () => {
    expect(roleOf('рассмотрев Ваше обращение от 5 марта 2021 года (вх. № А-1835)', '2021-03-05')).toBe('application_date');
    expect(roleOf('Сіздің 2021 жылғы 24 наурыздағы өтінішіңізді (кіріс № Д-2680) қарап', '2021-03-24')).toBe('application_date');
    expect(roleOf('Having considered your application of 5 March 2021 (incoming No. A-1835)', '2021-03-05')).toBe('application_date');
    expect(roleOf('13.10.2021 № 3-1-17/Ж-7429\n\nНа № Ж-1734 от 21.09.2021', '2021-09-21')).toBe('application_date');
    expect(roleOf('рассмотрев ходатайство гражданки КНР, зарегистрированное\n02.02.2019, руководствуясь', '2019-02-02')).toBe('application_date');
  });

  it("reads the date in a law's title, in each language", () => {
    expect(roleOf('статьи 49 Закона Республики Казахстан от 22\nиюля 2011 года № 477-IV «О миграции населения»', '2011-07-22')).toBe('law_enactment');
    expect(roleOf('«Халықтың көші-қоны туралы» 2011 жылғы 22 шілдедегі № 477-IV Қазақстан Республикасы Заңының', '2011-07-22')).toBe('law_enactment');
    expect(roleOf("Article 49 of the Law of the Republic of Kazakhstan No. 477-IV 'On Migration of Population' of 22 July 2011", '2011-07-22')).toBe('law_enactment');
    expect(roleOf("the Law 'On Citizenship of the Republic of Kazakhstan' dated 20.12.1991 No. 1017-XII", '1991-12-20')).toBe('law_enactment');
    expect(roleOf('ст. 49 Закона РК от 22.07.2011 г. № 477-IV', '2011-07-22')).toBe('law_enactment');
  });

  it('reads entry into force, issue, decisions and cited letters', () => {
    expect(roleOf('соответствующие нормы вводятся в действие с\n1 января 2022 года.', '2022-01-01')).toBe('in_force');
    expect(roleOf('өзгерістер 2022 жылғы 1 қаңтардан\nбастап қолданысқа енгізіледі', '2022-01-01')).toBe('in_force');
    expect(roleOf('The relevant amendments come into force on 1 January 2022.', '2022-01-01')).toBe('in_force');
    expect(roleOf('удостоверение беженца № 000418 выдано 03.06.2019, проживающая по адресу', '2019-06-03')).toBe('issue_date');
    expect(roleOf('14.10.2019 берілген № 000235 босқын куәлігінің', '2019-10-14')).toBe('issue_date');
    expect(roleOf('решения комиссии по рассмотрению ходатайств о присвоении статуса беженца от 24.05.2021', '2021-05-24')).toBe('decision_date');
    expect(roleOf('комиссияның 2022 жылғы 21 қыркүйектегі шешімі негізінде', '2022-09-21')).toBe('decision_date');
    expect(roleOf('Ответом Комитета от 13.10.2021 № 3-1-17/Ж-7429 ему отказано', '2021-10-13')).toBe('cited_document_date');
    expect(roleOf('2021 жылғы 26 наурыздағы № 3-1-17/Т-3033 жауабымен Тоқтарқызы Сәуле', '2021-03-26')).toBe('cited_document_date');
    expect(roleOf('for annulment of decision No. 3-1-17/А-1881 of 2 April 2021', '2021-04-02')).toBe('cited_document_date');
  });

  it("gives a date and number beside a word for another document to that document, whatever OCR made of «от»", () => {
    // a court decision's own date line, then the refusal it rules on, with «от» read in Latin letters
    const decision = 'ИМЕНЕМ РЕСПУБЛИКИ КАЗАХСТАН\n\n6 июля 2021 года г. Алматы\n\nрассмотрев дело о признании незаконным и отмене решения ‘OT\n02.04.2021 № 3-1-17/A-1881, суд';
    const another = ['decision_date', 'cited_document_date'];
    expect(another).toContain(roleOf(decision, '2021-04-02'));
    expect(findDocumentDates([{ page: 1, text: decision }]).find((d) => d.kind === 'document')?.date).toBe('2021-07-06');
    expect(another).toContain(roleOf('об отмене письма 0т 12.03.2021 № 3-1-17/Ж-77', '2021-03-12'));
    expect(another).toContain(roleOf('2021 жылғы 2 сәуірдегі № 3-1-17/А-1881 шешімінің күшін жою туралы', '2021-04-02'));
    // control: the letterhead's own date and number stay the document's
    expect(roleOf('02.04.2021 № 3-1-17/А-1881\n\nГражданке КНР', '2021-04-02')).toBe('document_date');
  });

  it('reads what OCR made of a card: a colon for a dot, and the labels read apart from their values', () => {
    const card = read('Туған күні / Дата рождения / Date of\nbirth\n\nБерілген күні / Дата выдачи / Issued\n\nЖарамды / Действительно до / Valid\nuntil\n\nАСҚАРҰЛЫ / АСКАРУЛЫ /\n14.03.1979\n790314331596\n20.01.2022\n\n20:01.2023');
    expect(card.map((d) => [d.date, d.kind, d.role])).toEqual([
      ['1979-03-14', 'other', 'birth_date'],
      ['2022-01-20', 'document', 'issue_date'],
      ['2023-01-20', 'valid-until', 'valid_until'],
    ]);
    expect(at(card, '2023-01-20').surface).toBe('20:01.2023');
  });

  it('gives every finding its page, its span and its surface as printed', () => {
    const text = 'Закон от 22\nиюля 2011 года № 477-IV';
    const [finding] = read('Титул', text).filter((d) => d.page === 2);
    expect(finding).toMatchObject({ page: 2, surface: '22 июля 2011 года', date: '2011-07-22' });
    expect(text.slice(finding!.start, finding!.end)).toBe('22\nиюля 2011 года');
  });
});
