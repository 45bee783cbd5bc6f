// The built loader, the content script every page and frame evaluates: it must stay small and
// never take in the lens's code (Preact, the protocol's full client). Reads the build `wxt build`
// left (npm run test:e2e builds first); no browser needed.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/support/paths';

/** Bytes: about a tenth above the loader's size when the budget was set, most of it the prefilter's tables. */
const LOADER_BUDGET = 86_000;

/** Strings only Preact's renderer and the protocol's full client hold. */
const LENS_ONLY = ['dangerouslySetInnerHTML', 'http://www.w3.org/2000/svg', 'could not reach its background'];

const built = (name: string): string => readFileSync(join(EXTENSION_DIR, name), 'utf8');

describe('the built loader', () => {
  it('stays within its size budget', () => {
    expect(Buffer.byteLength(built('loader.js'))).toBeLessThan(LOADER_BUDGET);
  });

  it('holds none of the lens: no Preact, no full protocol client', () => {
    const loader = built('loader.js');
    const lens = built('lens.js');
    for (const marker of LENS_ONLY) {
      // The marker is a real one: the lens, which has Preact and the client, holds it.
      expect(lens, marker).toContain(marker);
      expect(loader, marker).not.toContain(marker);
    }
  });
});
