/**
 * What redaction looks for: spellings cut into units (textUnits in redactionMatcher), each standing for a
 * person or a term. Read by the matcher and by the search in a page's letter stream (redactionSearch),
 * which the matcher calls; redactionMatcher re-exports these for its callers.
 */

export interface TextUnit {
  /** folded letters, or the Han character itself */
  fold: string;
  key: string;
  han: boolean;
  /** [start, end) UTF-16 offsets in the text the unit was cut from */
  start: number;
  end: number;
}

/** One thing to find: the units of one spelling, with who or what it stands for. */
export interface RedactionPattern {
  /** who or what it stands for (see redactionRules) */
  source: string;
  units: TextUnit[];
  /**
   * A person's spelling gives way where it lies wholly inside another person's name: the register
   * records 努尔兰 and NUERLAN as spellings of Aruzhan Nurlankyzy (her father's name is her surname),
   * which must not black out her father, Nurlan Askaruly, wherever he is named.
   */
  person?: boolean;
}

/** What is redacted, and the names of persons who are not, which a person's spelling gives way to. */
export interface MatchRules {
  patterns: readonly RedactionPattern[];
  claims?: readonly RedactionPattern[];
}
