/**
 * The event as the browser makes it for the reader's own key or pointer (`isTrusted` true), which
 * the lens acts on; happy-dom leaves `isTrusted` unset, like an event a page script dispatched.
 */
export function byReader<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
