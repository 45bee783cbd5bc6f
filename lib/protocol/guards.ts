// Hand-written run-time validators. Messages cross a trust boundary (content scripts share a
// renderer with the page) and backup files come from disk, so every value is checked field by
// field, unknown fields are refused, and a failure names the field and what was wrong with it.
// An error never repeats the value it refuses, only what kind of value it was, and is short:
// it goes back over the wire and into logs, and the value may be huge or someone's private text.

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Validates `value` found at `path` (e.g. `draft.selectors.quote.exact`). Never throws on plain
 * data; a getter or proxy trap may, which the entry points (validateRequest…) catch.
 */
export type Check<T> = (value: unknown, path: string) => Checked<T>;

export type CheckedType<C> = C extends Check<infer T> ? T : never;

export function pass<T>(value: T): Checked<T> {
  return { ok: true, value };
}

/** The longest error a validator returns. */
export const MAX_ERROR_LENGTH = 200;

/** `text` cut to MAX_ERROR_LENGTH characters. */
export function shortError(text: string): string {
  return text.length <= MAX_ERROR_LENGTH ? text : `${text.slice(0, MAX_ERROR_LENGTH - 1)}…`;
}

export function fail<T = never>(path: string, problem: string): Checked<T> {
  return { ok: false, error: shortError(path ? `${path}: ${problem}` : problem) };
}

/** What kind of value this is, never the value itself. */
function describe(value: unknown): string {
  try {
    if (value === null) return 'null';
    if (value === undefined) return 'nothing';
    if (Array.isArray(value)) return 'an array';
    if (typeof value !== 'object') return `a ${typeof value}`;
    return isPlainObject(value) ? 'an object' : 'an object that is not plain data';
  } catch {
    // A revoked proxy: even asking what it is throws.
    return 'an unreadable value';
  }
}

export interface StringRules {
  max: number;
  min?: number;
  pattern?: RegExp;
  /** What the pattern means, for the error message. */
  patternName?: string;
}

export function str(rules: StringRules): Check<string> {
  const min = rules.min ?? 0;
  return (value, path) => {
    if (typeof value !== 'string') return fail(path, `expected a string, got ${describe(value)}`);
    if (value.length > rules.max) return fail(path, `longer than ${rules.max} characters (${value.length})`);
    if (value.length < min) return fail(path, min === 1 ? 'must not be empty' : `shorter than ${min} characters`);
    if (rules.pattern && !rules.pattern.test(value)) return fail(path, `not ${rules.patternName ?? 'in the expected format'}`);
    return pass(value);
  };
}

function describeNumber(value: number): string {
  if (!Number.isFinite(value)) return 'a number that is not finite';
  return Number.isInteger(value) ? 'an integer too large to be exact' : 'a fractional number';
}

export function int(rules: { min: number; max: number }): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      return fail(path, `expected an integer, got ${typeof value === 'number' ? describeNumber(value) : describe(value)}`);
    }
    if (value < rules.min || value > rules.max) return fail(path, `out of range (${rules.min}–${rules.max})`);
    return pass(value);
  };
}

export function bool(): Check<boolean> {
  return (value, path) => (typeof value === 'boolean' ? pass(value) : fail(path, `expected true or false, got ${describe(value)}`));
}

export function literal<const L extends readonly (string | number | boolean)[]>(...values: L): Check<L[number]> {
  return (value, path) => {
    const found = values.find((v) => v === value);
    if (found === undefined) {
      return fail(path, `expected ${values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describe(value)}`);
    }
    return pass(found);
  };
}

export function arr<T>(item: Check<T>, rules: { max: number }): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, `expected an array, got ${describe(value)}`);
    if (value.length > rules.max) return fail(path, `more than ${rules.max} items (${value.length})`);
    const out: T[] = [];
    for (let i = 0; i < value.length; i++) {
      const r = item(value[i], `${path}[${i}]`);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return pass(out);
  };
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === null ? pass(null) : check(value, path));
}

/** A plain object (what JSON and structured clone produce), not an array or a class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

type Shape = Record<string, Check<unknown>>;
type RequiredFields<S extends Shape> = { [K in keyof S]: CheckedType<S[K]> };
type OptionalFields<S extends Shape> = { [K in keyof S]?: CheckedType<S[K]> };

/**
 * An object with exactly these fields. An optional field may be absent or `undefined` (Chrome's
 * messaging drops `undefined` fields, Firefox's keeps them); it is left out of the result then.
 */
export function obj<R extends Shape>(required: R): Check<RequiredFields<R>>;
export function obj<R extends Shape, O extends Shape>(required: R, optional: O): Check<RequiredFields<R> & OptionalFields<O>>;
export function obj<R extends Shape, O extends Shape>(required: R, optional?: O): Check<RequiredFields<R> & OptionalFields<O>> {
  return (value, path) => {
    if (!isPlainObject(value)) return fail(path, `expected an object, got ${describe(value)}`);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(required, key) && !(optional && Object.hasOwn(optional, key))) {
        return fail(path, 'unexpected field');
      }
    }
    const at = (key: string): string => (path ? `${path}.${key}` : key);
    // Each field read once: a getter could answer differently the second time.
    for (const [key, check] of Object.entries(required)) {
      const field = value[key];
      if (field === undefined) return fail(at(key), 'missing');
      const r = check(field, at(key));
      if (!r.ok) return r;
      out[key] = r.value;
    }
    for (const [key, check] of Object.entries(optional ?? {})) {
      const field = value[key];
      if (field === undefined) continue;
      const r = check(field, at(key));
      if (!r.ok) return r;
      out[key] = r.value;
    }
    // The loops above checked every field against its validator; the cast only restates that.
    return pass(out as RequiredFields<R> & OptionalFields<O>);
  };
}

/** One of several object shapes told apart by a string field (e.g. `kind`). */
export function tagged<K extends string, M extends Record<string, Check<unknown>>>(key: K, variants: M): Check<CheckedType<M[keyof M]>> {
  return (value, path) => {
    if (!isPlainObject(value)) return fail(path, `expected an object, got ${describe(value)}`);
    const tag = value[key];
    const at = path ? `${path}.${key}` : key;
    if (typeof tag !== 'string' || !Object.hasOwn(variants, tag)) {
      return fail(
        at,
        `expected ${Object.keys(variants)
          .map((v) => JSON.stringify(v))
          .join(' or ')}, got ${describe(tag)}`,
      );
    }
    const check = variants[tag];
    if (!check) return fail(at, 'unknown variant');
    // Each variant's validator yields that variant's type.
    return check(value, path) as Checked<CheckedType<M[keyof M]>>;
  };
}

/** Runs `check`, then a further test on the checked value (cross-field rules). */
export function refine<T>(check: Check<T>, test: (value: T) => string | null): Check<T> {
  return (value, path) => {
    const r = check(value, path);
    if (!r.ok) return r;
    const problem = test(r.value);
    return problem ? fail(path, problem) : r;
  };
}
