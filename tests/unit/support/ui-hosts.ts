import { isHostOf } from '../../../content/lens/notes/ui-host';

/** The extension's UI host made for `name` (its tag is `name-` and a random suffix), if in the page. */
export function hostOf(name: string, doc: Document = document): HTMLElement | null {
  return [...doc.documentElement.children].find((e): e is HTMLElement => isHostOf(e, name)) ?? null;
}
