// Which charset to serve a local file with. Saved pages lie: a meta tag may name gb2312 over
// bytes that were transcoded to UTF-8, so valid UTF-8 wins, then a BOM, then the meta tag.

const META = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/iu;

export function sniffCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'utf-16';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16_384));
    return META.exec(head)?.[1]?.toLowerCase() ?? 'windows-1252';
  }
}
