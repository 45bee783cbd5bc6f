// The loader's three requests to the background. Not through lib/protocol/client.ts: that client
// validates every request and response of the protocol, and its validators (the notes schema with
// them) would be compiled on every page a reader opens, most of which never need more than this.
// The requests are typed by the protocol and validated by the background on arrival like any
// other; of the answers the loader reads one number, checked here. The lens, once loaded, talks to
// the background through the full client.

import { isPlainObject } from '../../lib/protocol/guards';
import type { RequestOf } from '../../lib/protocol/messages';
import type { Transport } from '../../lib/protocol/transport';

type LoaderRequest = RequestOf<'page/terms'> | RequestOf<'notes/count-for-page'> | RequestOf<'frame/top-site'>;

export interface LoaderRequests {
  /** Tells the background the page shows no term (the toolbar badge clears). */
  reportNoTerms(url: string): void;
  /** How many notes the reader keeps on the page at `url`; 0 when the background cannot say. */
  pageNoteCount(url: string): Promise<number>;
  /** The host name of the page this frame is in (its tab's top frame); null when the background cannot say. */
  topHostname(): Promise<string | null>;
}

export function loaderRequests(transport: Transport): LoaderRequests {
  // An unreachable background (the extension reloading) is no answer, not an error for the page.
  const send = async (request: LoaderRequest): Promise<unknown> => {
    try {
      return await transport(request);
    } catch {
      return null;
    }
  };
  return {
    reportNoTerms(url) {
      void send({ type: 'page/terms', url, terms: [] });
    },
    async pageNoteCount(url) {
      // The count only: a frame (an ad, an embed) has no business with the notes themselves.
      const response = await send({ type: 'notes/count-for-page', url });
      if (!isPlainObject(response) || response.ok !== true || !isPlainObject(response.data)) return 0;
      const { count } = response.data;
      return typeof count === 'number' && Number.isSafeInteger(count) && count > 0 ? count : 0;
    },
    async topHostname() {
      const response = await send({ type: 'frame/top-site' });
      if (!isPlainObject(response) || response.ok !== true || !isPlainObject(response.data)) return null;
      const { hostname } = response.data;
      return typeof hostname === 'string' && hostname !== '' && hostname.length <= 300 ? hostname : null;
    },
  };
}
