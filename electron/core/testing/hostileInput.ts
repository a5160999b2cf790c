import fc from 'fast-check';

/**
 * What a hostile or broken caller sends: for the fuzz tests of the handler table and the parser. A
 * compromised page can send anything Electron's structured clone carries (the test host: anything JSON
 * carries), so the values below go well past what the renderer ever builds.
 */

/** How many cases each property runs: a few dozen in CI, more with FUZZ_RUNS=1000 for a long session. */
export function fuzzRuns(fallback: number): number {
  const runs = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : fallback;
}

/** The seed of every property; FUZZ_SEED replays a failing run (fast-check prints the seed and path). */
export function fuzzSeed(): number {
  const seed = Number(process.env.FUZZ_SEED);
  return Number.isInteger(seed) ? seed : 20261205;
}

/** Keys that reach the prototype chain or look special to JavaScript code walking an object. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'toJSON'] as const;

/** An object with `key` as its own property, as JSON.parse and structured clone make it (a literal would set the prototype). */
export function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** Nested arrays or objects `depth` levels deep, built without recursion. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  // fast-check prints a failing case by walking it, which would overflow the stack here.
  Object.defineProperty(value, fc.toStringMethod, { value: () => `<${kind} nested ${depth} deep>`, enumerable: false });
  return value;
}

const HUGE = 'x'.repeat(2 * 1024 * 1024);
const WIDE = 'Ж'.repeat(100_000);

/** Strings that have broken parsers, queries and file-name handling elsewhere. */
export const hostileStrings = [
  '',
  ' ',
  '\0',
  'a\0b',
  '\uD800', // a lone surrogate: not valid UTF-16 text
  '\u202Eevil\u202C', // right-to-left override
  '\r\n\t',
  '%00',
  '%2e%2e%2f%2e%2e%2f',
  '../../../../../../etc/passwd',
  '..\\..\\..\\windows\\system32',
  '/dev/zero',
  '/proc/self/environ',
  'file:///etc/passwd',
  'C:\\Windows\\win.ini',
  '\\\\server\\share\\x',
  '"',
  '""',
  '"unclosed',
  '*',
  '-',
  '--',
  '^',
  ':',
  'NEAR(a b',
  'a OR',
  'OR',
  'AND NOT',
  '(',
  ')',
  'col:term',
  "'; DROP TABLE documents; --",
  '0',
  '-1',
  'NaN',
  'Infinity',
  '2021-02-30',
  '0000-00-00',
  '9999-99-99',
  '2021-13-45',
  'doc_AAAAAAAAAA',
  'bnd_AAAAAAAAAA',
  'doc_../../../../x',
  'KZ-477-IV',
  'a'.repeat(4097),
  WIDE,
  HUGE,
] as const;

export const hostileNumbers = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  -1,
  0.5,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
] as const;

const structured = fc.constantFrom<unknown>(
  null,
  undefined,
  true,
  false,
  [],
  {},
  Object.create(null),
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  { toString: 'not a function', valueOf: 'neither', then: 'nor this' },
  deeplyNested(10_000, 'array'),
  deeplyNested(10_000, 'object'),
  new Array(100_000).fill('a'),
  new Uint8Array(3),
  new Float64Array([NaN]),
  new Date(NaN),
  new Map([['a', 1]]),
  new Set([1]),
  10n,
);

/** Any one hostile value: odd strings and numbers, prototype keys, deep nesting, and whatever fast-check makes. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...hostileStrings) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...hostileNumbers) },
  { weight: 2, arbitrary: structured },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 50 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  {
    weight: 2,
    arbitrary: fc.anything({
      key: fc.oneof(fc.string(), fc.constantFrom(...PROTOTYPE_KEYS)),
      maxDepth: 3,
      withBigInt: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withMap: true,
      withSet: true,
      withBoxedValues: true,
    }),
  },
);
