/** How the text collector treats an element, by its local name. */
export const TAG_SKIP = 1;
/** The element starts and ends a block: text before and after it never forms one match. */
export const TAG_BLOCK = 2;
/**
 * The element may hold a shadow root: a custom element, or one of the HTML elements
 * `attachShadow` accepts. Only these are asked for one (reading `shadowRoot` costs a call).
 */
export const TAG_HOST = 4;

/** Never walked: not text a reader reads (scripts, form fields, annotations, other documents). */
const SKIP = [
  'head',
  'link',
  'meta',
  'base',
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'picture',
  'img',
  'svg',
  'math',
  'rt',
  'rp',
  'meter',
  'progress',
];

/** Skipped elements that still sit visibly between two runs of text, so they separate them. */
const SKIP_BUT_BLOCK = [
  'textarea',
  'input',
  'select',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'picture',
  'img',
  'svg',
  'math',
  'meter',
  'progress',
];

/** Block-level by default in every browser's user-agent style sheet, plus line breaks. */
const BLOCK = [
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'button',
  'caption',
  'center',
  'col',
  'colgroup',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'plaintext',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
];

/** Inline elements common enough to look up directly (a miss costs a prefix test). */
const INLINE = [
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'q',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
];

/** The HTML elements `attachShadow` accepts besides custom elements (HTML standard, 4.2.14). */
const SHADOW_HOSTS = [
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
];

/** The names `TAG_SKIP` is given by name (the extension's own elements get it by their prefix). */
export const SKIPPED_TAGS: readonly string[] = SKIP;

/** Elements this extension puts in pages: their names start with this. */
export const OWN_TAG_PREFIX = 'tifa-lens-';

const KINDS = new Map<string, number>();
for (const name of INLINE) KINDS.set(name, 0);
for (const name of BLOCK) KINDS.set(name, TAG_BLOCK);
for (const name of SKIP) KINDS.set(name, TAG_SKIP);
for (const name of SKIP_BUT_BLOCK) KINDS.set(name, TAG_SKIP | TAG_BLOCK);
for (const name of SHADOW_HOSTS) KINDS.set(name, (KINDS.get(name) ?? 0) | TAG_HOST);

/** `TAG_SKIP`, `TAG_BLOCK`, `TAG_HOST` for an element's local name (HTML elements are lower-case). */
export function tagKind(localName: string): number {
  const kind = KINDS.get(localName);
  if (kind !== undefined) return kind;
  if (localName.startsWith(OWN_TAG_PREFIX)) return TAG_SKIP | TAG_BLOCK;
  // A valid custom element name holds a hyphen (and other names can't host a shadow root).
  return localName.includes('-') ? TAG_HOST : 0;
}

/** Whether an element's name is one of the extension's own (its UI, its fallback marks). */
export function isOwnTag(localName: string): boolean {
  return localName.startsWith(OWN_TAG_PREFIX);
}
