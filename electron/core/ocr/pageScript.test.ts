import { describe, expect, it } from 'vitest';
import { implausibleScript, languagesForScript } from './pageScript';

const han = (name: string) => ({ name, confidence: 1.2 });

describe('languages for a detected script', () => {
  it("reads a page in its script's models when the caller's languages do not write that script", () => {
    expect(languagesForScript(han('Han'), ['rus', 'kaz', 'eng'])).toEqual(['chi_sim']);
    expect(languagesForScript(han('Japanese'), ['eng'])).toEqual(['chi_sim']);
    expect(languagesForScript(han('Cyrillic'), ['chi_sim'])).toEqual(['rus', 'kaz']);
    expect(languagesForScript(han('Arabic'), ['rus', 'kaz', 'eng'])).toEqual(['uig']);
    expect(languagesForScript(han('Latin'), ['rus', 'kaz'])).toEqual(['eng']);
  });

  it("keeps the caller's languages when one of them writes the script, or when there is no model for it", () => {
    const caller = ['rus', 'kaz', 'eng'] as const;
    expect(languagesForScript(han('Cyrillic'), caller)).toBe(caller);
    expect(languagesForScript(han('Latin'), caller)).toBe(caller);
    expect(languagesForScript(han('Cyrillic'), ['kaz'])).toEqual(['kaz']);
    expect(languagesForScript(han('Hangul'), caller)).toBe(caller);
    expect(languagesForScript(null, caller)).toBe(caller);
    expect(languagesForScript(han('Han'), caller, (language) => language !== 'chi_sim')).toBe(caller);
  });
});

describe('implausible letters for the languages that read them', () => {
  it('flags chi_sim output made of Latin letters, and Cyrillic models writing Han', () => {
    expect(implausibleScript('MUHNCTEPCTBO BHYTPEHHNX AEJI PECNYBJIMKN', ['chi_sim'])).toBe(true);
    expect(implausibleScript('额敏县公安局 传唤通知书 根据中华人民共和国治安管理处罚法', ['rus', 'kaz'])).toBe(true);
  });

  it('accepts readings in the scripts of their languages, mixed pages, and too little text to tell', () => {
    expect(implausibleScript('额敏县公安局 传唤通知书 努尔兰 Nurlan 2019', ['chi_sim'])).toBe(false);
    expect(implausibleScript('Министерство внутренних дел Migration Service', ['rus', 'kaz', 'eng'])).toBe(false);
    expect(implausibleScript('Қазақстан Республикасы Ішкі істер министрлігі', ['kaz'])).toBe(false);
    expect(implausibleScript('No. 17', ['chi_sim'])).toBe(false);
  });
});
