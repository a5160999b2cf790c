/**
 * One glossary a language: the lawyer's terms, each said one way on every screen and in the bundles
 * (issue 14 item 3 found «Адам» on one Kazakh screen and «Тұлғалар» on the next). `avoid` lists the
 * synonyms that crept in before, as word stems; `except` the strings where such a word means something
 * else (the Kazakh «адам» as "anyone" or "human lives", not a person of the register). The locale test
 * reads every string against it; the bundle's printed words (shared/domain/bundleWords.ts) are checked
 * against the same terms.
 */
export interface GlossaryTerm {
  /** the term in English, for the test's messages */
  term: string;
  ru: { use: string; avoid: readonly string[] };
  kk: { use: string; avoid: readonly string[] };
  /** keys whose avoided word means something else there */
  except?: readonly string[];
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    term: 'person (of the register)',
    ru: { use: 'лиц', avoid: ['человек'] },
    kk: { use: 'тұлға', avoid: ['адам'] },
    // «кез келген адам» (anyone), «адам өміріне» (human lives)
    except: ['bundles.intro', 'bundles.export.unredactedWarning'],
  },
  { term: 'protected', ru: { use: 'под защитой', avoid: ['защищаем'] }, kk: { use: 'қорғалған', avoid: ['қорғалатын'] } },
  { term: 'redact', ru: { use: 'вымар', avoid: ['скрыва', 'скрыти'] }, kk: { use: 'өшір', avoid: ['жасыр'] }, except: ['common.hidePassphrase', 'common.hidePassphraseLabel'] },
  { term: 'bundle', ru: { use: 'подборк', avoid: ['сборник'] }, kk: { use: 'жинақ', avoid: ['топтама'] } },
  { term: 'index (of a bundle)', ru: { use: 'опис', avoid: ['оглавлени'] }, kk: { use: 'тізімдеме', avoid: [] } },
];
