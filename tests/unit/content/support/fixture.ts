/**
 * Replaces the test document's body with markup the test itself wrote (parsed, scripts inert),
 * and returns the body.
 */
export function setBody(markup: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${markup}</body>`, 'text/html');
  document.body.replaceChildren(...document.adoptNode(parsed.body).childNodes);
  return document.body;
}
