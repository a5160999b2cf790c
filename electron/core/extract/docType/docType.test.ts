import { describe, expect, it } from 'vitest';
import { classifyDocument } from './docType';

const typeOf = (...pages: string[]) => classifyDocument(pages.map((text, i) => ({ page: i + 1, text }))).type;

const LETTERHEAD = 'МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ\nРЕСПУБЛИКИ КАЗАХСТАН\nКОМИТЕТ\nМИГРАЦИОННОЙ СЛУЖБЫ\n\n02.04.2021 № 3-1-17/А-1881\n\nГражданину Китайской Народной Республики\nАскарулы Н.\n\n';

describe('classifyDocument', () => {
  it('reads a refusal in the body of a title-less letter, in each language', () => {
    expect(typeOf(LETTERHEAD + 'На основании изложенного в выдаче разрешения на постоянное проживание\nВам отказано.\n\nВы вправе обжаловать данное решение в суд.')).toBe('refusal');
    expect(typeOf(LETTERHEAD + 'Жоғарыда баяндалғанның негізінде Сізге тұрақты тұруға рұқсат беруден бас тартылды.\n\nОсы шешіммен келіспеген жағдайда шағым жасауға құқылысыз.')).toBe('refusal');
    expect(typeOf('MIGRATION SERVICE COMMITTEE\n\n08.03.2021 No. 3-1-17/К-3807\n\nUntil then, a travel document cannot be issued to you at present.')).toBe('refusal');
    expect(typeOf(LETTERHEAD + 'В связи с изложенным Ваше заявление оставлено без удовлетворения, документы возвращаются.')).toBe('refusal');
    expect(typeOf(LETTERHEAD + 'выдать Вам проездной документ в настоящее время не представляется возможным.')).toBe('refusal');
  });

  it('reads a notice of refusal as a refusal, a police notice as a notice', () => {
    expect(typeOf('УВЕДОМЛЕНИЕ\nоб отказе в выдаче разрешения\n\nВам отказано.')).toBe('refusal');
    expect(typeOf('额敏县公安局\n\n额公（治）通字〔2019〕37号\n\n限期返回通知书\n\n现通知你于2019年3月20日前返回户籍所在地。\n\n特此通知。')).toBe('notice');
    expect(typeOf('ИЗВЕЩЕНИЕ\n\nНастоящим извещаем Вас о необходимости явки.')).toBe('notice');
  });

  it('reads certificates: a refugee certificate, a passport, a register extract, a release certificate', () => {
    expect(typeOf('ҚАЗАҚСТАН РЕСПУБЛИКАСЫ • РЕСПУБЛИКА КАЗАХСТАН\n\nБОСҚЫН КУӘЛІГІ / УДОСТОВЕРЕНИЕ БЕЖЕНЦА\n\nREFUGEE CERTIFICATE  № 000134\n\nЖарамды / Действительно до / Valid 20.01.2023\n\nҰЗАРТЫЛДЫ / ПРОДЛЕНО\nдо 15.08.2023')).toBe('certificate');
    expect(typeOf("中华人民共和国  PEOPLE'S REPUBLIC OF CHINA 护照 PASSPORT\n\n有效期至/Date of expiry")).toBe('certificate');
    expect(typeOf('居民户口簿（摘录）\n\n户别：家庭户　　　户主姓名：努尔兰·阿斯卡尔')).toBe('certificate');
    expect(typeOf('МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ РЕСПУБЛИКИ КАЗАХСТАН\nКОМИТЕТ УГОЛОВНО-ИСПОЛНИТЕЛЬНОЙ СИСТЕМЫ\nУчреждение ЛА-155/97\n\nСПРАВКА № 759\n\nоб освобождении')).toBe('certificate');
    expect(typeOf('?', 'Перевод с китайского языка на русский язык\n\nДОМОВАЯ КНИГА (выписка)\n\nДата выдачи: 09.08.2016')).toBe('certificate');
  });

  it('reads an extension from its subject line, in Russian and Kazakh', () => {
    expect(typeOf(LETTERHEAD + 'О продлении срока действия\nудостоверения беженца\n\nсрок действия удостоверения беженца № 000418 продлен на один год – до 03.06.2022.')).toBe('extension');
    expect(typeOf(LETTERHEAD + 'Босқын куәлігінің қолданылу\nмерзімін ұзарту туралы\n\nбосқын куәлігінің қолданылу мерзімі 2023 жылғы 14 қазанға дейін ұзартылғанын хабарлайды.')).toBe('extension');
  });

  it('reads rulings: a verdict, a court decision, a commission decision, a Kazakh judgment', () => {
    expect(typeOf('П Р И Г О В О Р\nИМЕНЕМ РЕСПУБЛИКИ КАЗАХСТАН\n\nДело № 1953-19-00-1/167\n\nП Р И Г О В О Р И Л:\n\nпризнать виновным')).toBe('ruling');
    expect(typeOf('Р Е Ш Е Н И Е\nИМЕНЕМ РЕСПУБЛИКИ КАЗАХСТАН\n\nРЕШИЛ:\n\nВ удовлетворении иска Аскарулы Нурлана к Комитету отказать.')).toBe('ruling');
    expect(typeOf('ИМЕНЕМ РЕСПУБЛИКИ КАЗАХСТАН\n\n6 июля 2021 года г. Алматы\n\nРЕШИЛ:\n\nВ удовлетворении иска отказать.')).toBe('ruling');
    expect(typeOf('РЕШЕНИЕ № 38\nо присвоении статуса беженца\n\nРЕШИЛА:\n\n1. Присвоить статус беженца.')).toBe('ruling');
    expect(typeOf('ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ АТЫНАН\nСОТ ШЕШІМІ\n\nСот шешті:')).toBe('ruling');
    expect(typeOf('JUDGMENT\n\nThe court decided to dismiss the claim.')).toBe('ruling');
  });

  it("reads applications: a client's, an NGO's request, a lawyer's claim and complaint", () => {
    expect(typeOf('Начальнику Управления миграционной службы\nот Жумабекулы Болата\n\nЗ А Я В Л Е Н И Е\n\nПрошу оказать содействие в воссоединении моей семьи.')).toBe('application');
    expect(typeOf('Исх. № 96/21 от 25.10.2021\n\nОБРАЩЕНИЕ\nо выдаче проездного документа\n\nОтветом Комитета ему отказано в выдаче проездного документа.\n\nПросим разъяснить.')).toBe('application');
    expect(typeOf('ТАЛАП АРЫЗ\nжол жүру құжатын беруден бас тартуды заңсыз деп тану туралы\n\nжол жүру құжатын беруден бас тартылды.\n\nСҰРАЙМЫН:')).toBe('application');
    expect(typeOf('DRAFT v2 — privileged and confidential\n\nADMINISTRATIVE CLAIM\nfor annulment of decision No. 3-1-17/А-1881\n\nThe Committee refused the Claimant a permanent residence permit.')).toBe('application');
  });

  it('reads a memo and a power of attorney as other, whatever they mention', () => {
    expect(typeOf('Steppe Legal Aid Centre\n\nINTERNAL CASE MEMO\n\nEmin County police issued a notice demanding her return. No direct notice yet.')).toBe('other');
    expect(typeOf('СЕНІМХАТ / ДОВЕРЕННОСТЬ\n\nДоверенность выдана сроком на один год.')).toBe('other');
    expect(classifyDocument([{ page: 1, text: 'AA GA) ішер (2019) ВЕ' }])).toEqual({ type: 'other', confidence: 0.3, cue: '' });
  });

  it("reads a certified translation as the translated document, not as the translator's certificate", () => {
    expect(typeOf('Translation from Russian into English\n\nMIGRATION SERVICE COMMITTEE\n\nOn the basis of the above, you have been refused a permanent residence permit.', "TRANSLATOR'S CERTIFICATE\n\nI certify the translation.")).toBe('refusal');
  });

  it('says which words decided, and is less sure when two kinds compete', () => {
    const sure = classifyDocument([{ page: 1, text: 'БОСҚЫН КУӘЛІГІ / УДОСТОВЕРЕНИЕ БЕЖЕНЦА\n\nДата выдачи 01.02.2020' }]);
    expect(sure).toMatchObject({ type: 'certificate', cue: 'КУӘЛІГІ' });
    const torn = classifyDocument([{ page: 1, text: 'ТАЛАП АРЫЗ\nбас тарту туралы\n\nбас тартылды' }]);
    expect(torn.type).toBe('application');
    expect(torn.confidence).toBeLessThan(sure.confidence);
  });
});
