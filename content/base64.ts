// Shared by the loader (the shipped prefilter) and the lens (the serialized matcher).

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
