import createDOMPurify, { type DOMPurify } from 'dompurify';
import { marked } from 'marked';
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_TAGS,
  ALLOWED_URL,
  remoteImageUrl,
  safeLinkUrl,
} from './markdown-policy';

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /** The text of the placeholder shown instead of a remote image (default English). */
  remoteImageLabel?: ((host: string) => string) | undefined;
}

const defaultImageLabel = (host: string) => `Open image from ${host}`;

/** Attributes every kept link gets: a new tab, no referrer, no `window.opener`, no SEO credit. */
const LINK_REL = 'noopener noreferrer nofollow';

let purifier: DOMPurify | undefined;

/** A DOMPurify instance of our own, so its configuration and hooks cannot leak to other users. */
function getPurifier(): DOMPurify {
  purifier ??= createDOMPurify(window);
  return purifier;
}

/** Replaces an element by its children (an `<a>` whose URL was refused keeps its text). */
function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

/** Swaps each `<img>` for a link to open it on a click, or for its alt text. */
function replaceImages(root: DocumentFragment, label: (host: string) => string): void {
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const remote = remoteImageUrl(image.getAttribute('src'));
    const alt = image.getAttribute('alt') ?? '';
    // A link inside a link is not valid HTML: an image that is already inside one becomes text.
    if (!remote || image.closest('a')) {
      image.replaceWith(document.createTextNode(remote ? `${alt} (${label(remote.host)})`.trim() : alt));
      continue;
    }
    const link = document.createElement('a');
    link.className = 'remote-image';
    link.href = remote.url;
    link.target = '_blank';
    link.rel = LINK_REL;
    link.title = alt ? `${alt} · ${remote.url}` : remote.url;
    link.textContent = label(remote.host);
    image.replaceWith(link);
  }
}

/** Keeps web and mail links only, each opening in a new tab; refused links become their text. */
function secureLinks(root: DocumentFragment): void {
  for (const link of Array.from(root.querySelectorAll('a'))) {
    const href = safeLinkUrl(link.getAttribute('href'));
    if (!href) {
      unwrap(link);
      continue;
    }
    link.setAttribute('href', href);
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', LINK_REL);
  }
}

/**
 * Renders model output as HTML that is safe to insert: Markdown through `marked`, then DOMPurify with
 * an allow-list of tags and attributes (see markdown-policy), then links restricted to web and mail
 * URLs and images replaced by click-to-open links. Nothing in the result can run script, style or
 * cover the page, submit a form, embed a frame or load a remote resource. It runs on every render,
 * so answers stored in localStorage by an older version are sanitized again when they are shown.
 */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions = {}): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true }) as string;
  const fragment = getPurifier().sanitize(html, {
    ALLOWED_TAGS: [...ALLOWED_TAGS],
    ALLOWED_ATTR: [...ALLOWED_ATTRIBUTES],
    ALLOWED_URI_REGEXP: ALLOWED_URL,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    RETURN_DOM_FRAGMENT: true,
  });
  replaceImages(fragment, options.remoteImageLabel ?? defaultImageLabel);
  secureLinks(fragment);
  const container = document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}
