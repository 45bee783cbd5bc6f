// What a started lens holds in a frame, which its parts (the notes) read: apart from lens.ts, which
// starts them, so that they need not import it.

import type { SendRequest } from '../../lib/protocol/client';
import type { Settings } from '../../lib/settings/index';
import type { CardHost } from './card/card-host';
import type { LazyGlossary } from './lazy-glossary';
import type { PageLayer } from './page-layer/page-layer';

export interface Lens {
  /** The page layer; replaced when the reader's settings change. */
  pageLayer: PageLayer;
  settings: Settings;
  card: CardHost;
  /** Parsed on first use: a page with nothing to match never needs it. */
  glossary: LazyGlossary;
  sendRequest: SendRequest;
  isTopFrame: boolean;
  /** The host name of the page the reader sees (the top frame's), which the per-site switch is about. */
  topHostname: string | null;
}
