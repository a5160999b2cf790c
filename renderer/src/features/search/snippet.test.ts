import { describe, expect, it } from 'vitest';
import { MATCH_FORMS } from '../../../../shared/domain/search';
import { createI18n } from '../../i18n/i18n';
import { LANGUAGES } from '../../i18n/language';
import { formLabelKeys, snippetParts, snippetText } from './snippet';

describe('snippetParts', () => {
  it('keeps the matched words apart from their context, as text', () => {
    const parts = snippetParts([
      { text: 'выданного 03.06.2019 на имя ', match: false },
      { text: 'Даулеткызы', match: true },
      { text: ' ', match: false },
      { text: 'Айгерим', match: true },
      { text: ', 02.11.1986 года', match: false },
    ]);
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(['Даулеткызы', 'Айгерим']);
    expect(snippetText(parts)).toBe('выданного 03.06.2019 на имя Даулеткызы Айгерим, 02.11.1986 года');
  });

  it('turns OCR line breaks into single spaces and trims the ends', () => {
    const parts = snippetParts([
      { text: '\n  сообщает, что на\nоснове ', match: false },
      { text: 'статьи 12', match: true },
      { text: '  Закона\n', match: false },
    ]);
    expect(parts).toEqual([
      { text: 'сообщает, что на основе ', match: false },
      { text: 'статьи 12', match: true },
      { text: ' Закона', match: false },
    ]);
  });

  it('joins neighbours of the same kind and drops empty pieces', () => {
    expect(
      snippetParts([
        { text: '', match: false },
        { text: 'Әйгер', match: true },
        { text: 'ім', match: true },
        { text: '', match: false },
      ]),
    ).toEqual([{ text: 'Әйгерім', match: true }]);
  });

  it('leaves markup as the characters it is', () => {
    const parts = snippetParts([{ text: '<img src=x onerror=alert(1)>', match: true }]);
    expect(parts[0]?.text).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('formLabelKeys', () => {
  it('says nothing for an exact match', () => {
    expect(formLabelKeys(['exact'])).toEqual([]);
  });

  it('names each other way the page matched, once, best first', () => {
    expect(formLabelKeys(['exact', 'translit', 'fuzzy', 'translit'])).toEqual(['search.forms.translit', 'search.forms.fuzzy']);
  });

  it('has words for every form in every language', () => {
    for (const language of LANGUAGES) {
      const i18n = createI18n(language);
      for (const key of formLabelKeys(MATCH_FORMS)) {
        expect(i18n.getResource(language, 'translation', key), `${language}: ${key}`).toEqual(expect.any(String));
      }
    }
    expect(formLabelKeys(MATCH_FORMS)).toHaveLength(MATCH_FORMS.length - 1);
  });
});
