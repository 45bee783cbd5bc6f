import { AutomatonMatcher } from './matcher';
import type { MatcherParts } from './matcher-parts';
import { codesToString } from './normalize';
import type { CompiledMatcher, CorpusPassage, Matcher, Pattern } from './types';

/**
 * A compiled matcher as bytes, so the extension can build the automata once (at build time) and
 * load them per page without rebuilding: loading is a JSON.parse of the patterns and corpus plus
 * typed-array views on the buffer.
 *
 * Layout: "TLM1", a uint32 endianness probe, the header length (UTF-16 units), the header (JSON,
 * UTF-16), then each array 8-byte aligned. Arrays are in the platform byte order (little-endian
 * everywhere the extension runs); the probe rejects a mismatch.
 */

type ArrayKind = 'i32' | 'u32' | 'u16' | 'u8';
type AnyArray = Int32Array | Uint32Array | Uint16Array | Uint8Array;

/**
 * 2: the W-gram filter sets two bits per gram (a version-1 filter would miss quotes).
 * 3: the verbatim fast path's corpus tables (verbatim.*).
 * 4: quote variants (quotes.variants).
 */
const VERSION = 4;

interface Header {
  version: typeof VERSION;
  all: boolean;
  minHan: number;
  maxLength: number;
  maxPassageLength: number;
  states: number;
  gramWidth: number;
  gramShift: number;
  patterns: Pattern[];
  corpus: CorpusPassage[];
  arrays: Array<[string, ArrayKind, number]>;
}

const MAGIC = 0x314d4c54; // "TLM1" read little-endian
const PROBE = 0x01020304;

function arraysOf(p: MatcherParts): Array<[string, AnyArray]> {
  const q = p.quotes;
  return [
    ['terms.source', p.terms.source],
    ['terms.length', p.terms.length],
    ['terms.edges', p.terms.edges],
    ['ac.nodes', p.ac.nodes],
    ['ac.term', p.ac.term],
    ['ac.samePattern', p.ac.samePattern],
    ['ac.rootTo', p.ac.rootTo],
    ['ac.codes', p.ac.codes],
    ['sam.nodes', q.sam.nodes],
    ['sam.edges', q.sam.edges],
    ['sam.count', q.sam.count],
    ['quotes.codes', q.codes],
    ['quotes.flags', q.flags],
    ['quotes.hanBefore', q.hanBefore],
    ['quotes.original', q.original],
    ['quotes.passageStart', q.passageStart],
    ['quotes.grams', q.grams],
    ['quotes.variants', q.variants],
    ['verbatim.symbol', p.verbatim.symbol],
    ['verbatim.step', p.verbatim.step],
    ['verbatim.acAt', p.verbatim.acAt],
    ['verbatim.hitAt', p.verbatim.hitAt],
    ['verbatim.prefixState', p.verbatim.prefixState],
    ['verbatim.gramEnd', p.verbatim.gramEnd],
    ['verbatim.gramState', p.verbatim.gramState],
  ];
}

const kindOf = (a: AnyArray): ArrayKind => (a instanceof Int32Array ? 'i32' : a instanceof Uint32Array ? 'u32' : a instanceof Uint16Array ? 'u16' : 'u8');
const align8 = (n: number): number => (n + 7) & ~7;

/** The bytes of a matcher made by `compileMatcher` or `loadMatcher`. */
export function serializeMatcher(matcher: Matcher): Uint8Array {
  if (!(matcher instanceof AutomatonMatcher)) throw new TypeError('not a compiled matcher');
  const p = matcher.parts;
  const arrays = arraysOf(p);
  const header: Header = {
    version: VERSION,
    all: p.all,
    minHan: p.minHan,
    maxLength: p.terms.maxLength,
    maxPassageLength: p.quotes.maxPassageLength,
    states: p.quotes.sam.states,
    gramWidth: p.quotes.gramWidth,
    gramShift: p.verbatim.gramShift,
    patterns: p.patterns.map(({ form, entry, script, near, stop }) => ({ form, entry, script, ...(near ? { near } : {}), ...(stop ? { stop } : {}) })),
    corpus: p.corpus.map(({ doc, para, text }) => ({ doc, para, text })),
    arrays: arrays.map(([name, a]) => [name, kindOf(a), a.length]),
  };
  const json = JSON.stringify(header);
  let size = align8(12 + json.length * 2);
  for (const [, a] of arrays) size += align8(a.byteLength);
  const bytes = new Uint8Array(size);
  const words = new Uint32Array(bytes.buffer, 0, 3);
  words[0] = MAGIC;
  words[1] = PROBE;
  words[2] = json.length;
  const text = new Uint16Array(bytes.buffer, 12, json.length);
  for (let i = 0; i < json.length; i++) text[i] = json.charCodeAt(i);
  let at = align8(12 + json.length * 2);
  for (const [, a] of arrays) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += align8(a.byteLength);
  }
  return bytes;
}

/** A matcher from `serializeMatcher`'s bytes; the arrays are views on (a copy of) the bytes. */
export function loadMatcher(input: Uint8Array): CompiledMatcher {
  // Views need aligned offsets; a misaligned or foreign slice is copied once.
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const buffer = bytes.buffer;
  const base = bytes.byteOffset;
  if (bytes.byteLength < 12) throw new Error('matcher bytes: truncated');
  const words = new Uint32Array(buffer, base, 3);
  if (words[0] !== MAGIC) throw new Error('matcher bytes: bad magic');
  if (words[1] !== PROBE) throw new Error('matcher bytes: byte order differs from this platform');
  const headerLength = words[2]!;
  const header = JSON.parse(codesToString(new Uint16Array(buffer, base + 12, headerLength), headerLength)) as Header;
  if (header.version !== VERSION) throw new Error(`matcher bytes: version ${String(header.version)}`);

  const arrays = new Map<string, AnyArray>();
  let at = base + align8(12 + headerLength * 2);
  for (const [name, kind, length] of header.arrays) {
    const view =
      kind === 'i32'
        ? new Int32Array(buffer, at, length)
        : kind === 'u32'
          ? new Uint32Array(buffer, at, length)
          : kind === 'u16'
            ? new Uint16Array(buffer, at, length)
            : new Uint8Array(buffer, at, length);
    arrays.set(name, view);
    at += align8(view.byteLength);
  }
  const i32 = (name: string): Int32Array => arrays.get(name) as Int32Array;
  const u16 = (name: string): Uint16Array => arrays.get(name) as Uint16Array;
  const u8 = (name: string): Uint8Array => arrays.get(name) as Uint8Array;
  const parts: MatcherParts = {
    patterns: header.patterns,
    corpus: header.corpus,
    all: header.all,
    minHan: header.minHan,
    terms: {
      source: i32('terms.source'),
      length: i32('terms.length'),
      edges: u8('terms.edges'),
      maxLength: header.maxLength,
    },
    ac: {
      nodes: i32('ac.nodes'),
      term: i32('ac.term'),
      samePattern: i32('ac.samePattern'),
      rootTo: i32('ac.rootTo'),
      codes: u16('ac.codes'),
    },
    quotes: {
      sam: {
        nodes: i32('sam.nodes'),
        edges: i32('sam.edges'),
        count: i32('sam.count'),
        states: header.states,
      },
      codes: u16('quotes.codes'),
      flags: u8('quotes.flags'),
      hanBefore: i32('quotes.hanBefore'),
      original: i32('quotes.original'),
      passageStart: i32('quotes.passageStart'),
      maxPassageLength: header.maxPassageLength,
      grams: arrays.get('quotes.grams') as Uint32Array,
      gramWidth: header.gramWidth,
      variants: u16('quotes.variants'),
    },
    verbatim: {
      symbol: i32('verbatim.symbol'),
      step: i32('verbatim.step'),
      acAt: i32('verbatim.acAt'),
      hitAt: i32('verbatim.hitAt'),
      prefixState: i32('verbatim.prefixState'),
      gramEnd: i32('verbatim.gramEnd'),
      gramState: i32('verbatim.gramState'),
      gramShift: header.gramShift,
    },
  };
  return new AutomatonMatcher(parts);
}
