import { afterEach, describe, expect, it } from 'vitest';
import { bytesOfBase64, int32sOfBase64, uint32sOfBase64 } from '../../../lib/match/base64';

const VALUES = [0, 1, -1, 0x7fffffff, -0x80000000, 131095, 65536];
const BASE64 = Buffer.from(Int32Array.from(VALUES).buffer).toString('base64');

afterEach(() => {
  Reflect.deleteProperty(Uint8Array, 'fromBase64');
});

describe('the base64 the build ships', () => {
  it('decodes bytes through atob where the engine has no Uint8Array.fromBase64', () => {
    expect(Reflect.get(Uint8Array, 'fromBase64')).toBeUndefined();
    expect(Array.from(bytesOfBase64('AAEC/w=='))).toEqual([0, 1, 2, 255]);
    expect(bytesOfBase64('').length).toBe(0);
  });

  it('decodes them natively where the engine has it', () => {
    let calls = 0;
    Object.defineProperty(Uint8Array, 'fromBase64', {
      configurable: true,
      value: (text: string) => {
        calls++;
        return new Uint8Array(Buffer.from(text, 'base64'));
      },
    });
    expect(Array.from(bytesOfBase64('AAEC/w=='))).toEqual([0, 1, 2, 255]);
    expect(calls).toBe(1);
  });

  it('reads little-endian 32-bit values, on either byte order of the engine', () => {
    expect(Array.from(int32sOfBase64(BASE64))).toEqual(VALUES);
    expect(Array.from(int32sOfBase64(BASE64, false))).toEqual(VALUES);
    expect(Array.from(uint32sOfBase64(BASE64))).toEqual(VALUES.map((v) => v >>> 0));
  });
});
