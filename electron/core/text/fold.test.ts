import { describe, expect, it } from 'vitest';
import { fold } from './fold';

describe('fold', () => {
  it('lower-cases Russian, Kazakh and Latin text', () => {
    expect(fold('МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ')).toBe('министерство внутренних дел');
    expect(fold('ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ІШКІ ІСТЕР')).toBe('қазақстан республикасы ішкі істер');
    expect(fold('ӘҒҚҢӨҰҮҺІ')).toBe('әғқңөұүһі');
    expect(fold('PERMANENT Residence')).toBe('permanent residence');
  });

  it('writes ё as е in both cases', () => {
    expect(fold('Ещё')).toBe('еще');
    expect(fold('ЁЛКА')).toBe('елка');
  });

  it('keeps й as й and never turns Kazakh letters into Russian or Latin ones', () => {
    expect(fold('Айгерим')).toBe('айгерим');
    expect(fold('ЖАЙ')).toBe('жай');
    expect(fold('Әйгерім Дәулетқызы')).toBe('әйгерім дәулетқызы');
    expect(fold('Нұр-Сұлтан')).toBe('нұр-сұлтан');
    expect(fold('Өтегенова Күләш')).toBe('өтегенова күләш');
  });

  it('composes decomposed (NFD) Cyrillic input back into й and folds ё', () => {
    const decomposed = 'Аи\u0306ж\u0435\u0308'; // Ай + ж + ё, written with combining marks
    expect(decomposed.length).toBe(6);
    expect(fold(decomposed)).toBe('айже');
    expect(fold('Айгерим'.normalize('NFD'))).toBe('айгерим');
  });

  it('takes accents off Latin letters, including Kazakh-2021 Latin and Turkish letters', () => {
    expect(fold('Dáuletqyzy')).toBe('dauletqyzy');
    expect(fold('ǵ ń ó ú ý á')).toBe('g n o u y a');
    expect(fold('Äigerım Däuletqyzy')).toBe('aigerim dauletqyzy');
    expect(fold('résumé façade Müller Şahin Ğ')).toBe('resume facade muller sahin g');
    expect(fold('Cafe\u0301'.normalize('NFD'))).toBe('cafe');
  });

  it('applies NFKC: ligatures, full-width letters and digits, compatibility ideographs', () => {
    expect(fold('ﬁle')).toBe('file');
    expect(fold('２０２１ＡＢ')).toBe('2021ab');
    expect(fold('\uF900')).toBe('\u8C48');
  });

  it('leaves Chinese text as it is', () => {
    expect(fold('富蕴县公安局')).toBe('富蕴县公安局');
  });

  it('puts stray look-alike Latin letters in a Cyrillic word back into Cyrillic', () => {
    // OCR reads Kazakh і as Latin i
    expect(fold('куәлiгi')).toBe('куәлігі');
    expect(fold('PEСПУБЛИКАСЫ')).toBe('республикасы');
  });

  it('puts stray look-alike Cyrillic letters in a Latin word back into Latin', () => {
    expect(fold('Аigerim')).toBe('aigerim');
    expect(fold('ІV')).toBe('iv');
  });

  it('leaves a word with letters of both scripts that have no look-alike as written', () => {
    expect(fold('Жw')).toBe('жw');
  });

  it('drops soft hyphens from PDF text layers', () => {
    expect(fold('удостове\u00ADрение')).toBe('удостоверение');
  });

  it('is idempotent', () => {
    for (const text of ['Әйгерім', 'Dáuletqyzy', 'ЁЖ', 'İstanbul', 'ﬁ', '3-1-17/А-1881', 'куәлiгi']) {
      expect(fold(fold(text))).toBe(fold(text));
    }
  });
});
