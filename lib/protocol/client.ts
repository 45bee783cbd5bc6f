// The typed request client for content scripts and extension pages. It is given the transport
// (`browser.runtime.sendMessage`) so this module stays free of browser APIs:
//
//   const sendRequest = createRequestClient((message) => browser.runtime.sendMessage(message));
//   const r = await sendRequest({ type: 'notes/for-page', url: location.href });
//   if (r.ok) show(r.data.notes); else report(r.error);
//
// It never throws: an invalid request, an unreachable background (extension reloaded, worker
// failed to start) or a malformed answer all come back as `{ ok: false, error }`.

import { shortError } from './guards';
import { errorOf, validateRequest, validateResponse } from './messages';
import type { RequestMap, RequestOf, RequestType, ResponseFor } from './messages';
import type { Transport } from './transport';

export type SendRequest = <T extends RequestType>(request: { type: T } & RequestMap[T]['request']) => Promise<ResponseFor<T>>;

export function createRequestClient(transport: Transport): SendRequest {
  return async function sendRequest<T extends RequestType>(request: RequestOf<T>): Promise<ResponseFor<T>> {
    const checked = validateRequest(request);
    if (!checked.ok) return { ok: false, error: checked.error };
    let response: unknown;
    try {
      response = await transport(request);
    } catch (error) {
      return { ok: false, error: shortError(`Tifa Lens could not reach its background: ${errorOf(error)}`) };
    }
    return validateResponse(request.type, response);
  };
}
