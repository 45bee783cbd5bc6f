import { charInfo, F_CJK, F_DASH, F_IGNORE, F_SPACE, F_SPECIAL, FLAG_SHIFT, NORM_MASK, SPACE } from './char-table';

/** A normalized text and, for each of its code units, where it came from. */
export interface NormalizedText {
  text: string;
  /**
   * `offsets[i]` is the index in the original string of the code unit that produced normalized
   * code unit `i` (the first unit of a whitespace or dash run). The original span of normalized
   * `[a, b)` is `[offsets[a], offsets[b - 1] + 1)`.
   */
  offsets: Int32Array;
}

/** Normalized code units with their original offsets, as the compiler consumes them. */
export interface NormalizedCodes {
  codes: Uint16Array;
  /** Flags (see char-table) of each normalized code unit; 0 for an emitted space. */
  flags: Uint8Array;
  offsets: Int32Array;
  length: number;
}

/** Reused output of `normalizeTransient`: compiling a thousand patterns allocates nothing each. */
let scratch = buffers(64);

function buffers(size: number): NormalizedCodes {
  return { codes: new Uint16Array(size), flags: new Uint8Array(size), offsets: new Int32Array(size), length: 0 };
}

/**
 * Normalizes one block of text (nothing before or after it) into `out`, which must hold
 * `s.length` units. The matcher's scan loop applies the same state machine on the fly; a
 * property test holds the two to each other.
 */
function normalizeInto(s: string, out: NormalizedCodes): NormalizedCodes {
  const { codes, flags, offsets } = out;
  const n = s.length;
  let length = 0;
  let havePrev = false;
  let prevFlags = 0;
  let pendingSpace = false;
  let spaceAt = 0;
  const table = charInfo();
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const info = table[c]!;
    const f = info >>> FLAG_SHIFT;
    if (f & F_SPECIAL) {
      if (f & F_IGNORE) continue;
      if (f & F_SPACE) {
        if (!pendingSpace) {
          pendingSpace = true;
          spaceAt = i;
        }
        continue;
      }
      // A dash right after a dash extends the run: `——` is one dash.
      if (f & F_DASH && havePrev && prevFlags & F_DASH && !pendingSpace) continue;
    }
    if (pendingSpace) {
      pendingSpace = false;
      if (havePrev && ((prevFlags | f) & F_CJK) === 0) {
        codes[length] = SPACE;
        flags[length] = 0;
        offsets[length] = spaceAt;
        length++;
      }
    }
    codes[length] = (c + info) & NORM_MASK;
    flags[length] = f;
    offsets[length] = i;
    length++;
    havePrev = true;
    prevFlags = f;
  }
  out.length = length;
  return out;
}

/** Normalizes one block of text into fresh arrays. */
export function normalizeCodes(s: string): NormalizedCodes {
  return normalizeInto(s, buffers(s.length));
}

/** Normalizes into shared buffers, valid until the next call. */
export function normalizeTransient(s: string): NormalizedCodes {
  if (scratch.codes.length < s.length) scratch = buffers(Math.max(s.length, scratch.codes.length * 2));
  return normalizeInto(s, scratch);
}

/** A string of code units (bounded slices keep the argument count far below engine limits). */
export function codesToString(codes: Uint16Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 4096) {
    out += String.fromCharCode(...codes.subarray(i, Math.min(length, i + 4096)));
  }
  return out;
}

/** The normalized form of a text with an exact map back to original offsets. */
export function normalize(s: string): NormalizedText {
  const r = normalizeCodes(s);
  return { text: codesToString(r.codes, r.length), offsets: r.offsets.slice(0, r.length) };
}

/**
 * The normalized form of a pattern: two forms with the same key are the same form to the matcher
 * (the glossary build uses this to find duplicate aliases).
 */
export function normalizeKey(s: string): string {
  const r = normalizeTransient(s);
  return codesToString(r.codes, r.length);
}
