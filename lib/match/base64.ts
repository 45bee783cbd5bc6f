// Base64 as the build ships binary data (the character tables, the prefilter's keys, the
// serialized matcher): string literals cost a script next to nothing to parse, and the engine
// decodes them natively.

/** Base64 to bytes: natively where the engine has `Uint8Array.fromBase64` (Chrome 140, Firefox 133). */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const native: unknown = Reflect.get(Uint8Array, 'fromBase64');
  if (typeof native === 'function') {
    const bytes: unknown = Reflect.apply(native, Uint8Array, [base64]);
    if (bytes instanceof Uint8Array && bytes.buffer instanceof ArrayBuffer) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  }
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether this engine stores typed arrays little-endian (every engine a browser ships, in practice). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * Base64 of little-endian 32-bit values to the values: a view where it can be, not a copy.
 * `littleEndian` is the engine's byte order (a parameter so that tests take the other path too).
 */
export function int32sOfBase64(base64: string, littleEndian = LITTLE_ENDIAN): Int32Array {
  const bytes = bytesOfBase64(base64);
  if (littleEndian && bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Int32Array.from({ length: bytes.length >> 2 }, (_, i) => view.getInt32(4 * i, true));
}

/** The same values read unsigned (keys compared as unsigned 32-bit numbers). */
export function uint32sOfBase64(base64: string): Uint32Array {
  const values = int32sOfBase64(base64);
  return new Uint32Array(values.buffer, values.byteOffset, values.length);
}
