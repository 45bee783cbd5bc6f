import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startLens } from '../content/lens/lens';
import { publishLens } from '../content/shared/lens-handoff';

// The lens: matcher, highlights, cards, notes. Not a content script of its own: the content script
// (entrypoints/loader.ts) imports it once a page has something to show (content/loader/loader.ts).
export default defineUnlistedScript(() => {
  publishLens(startLens);
});
