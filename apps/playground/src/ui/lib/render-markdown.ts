import DOMPurify from 'dompurify';
import { marked } from 'marked';

let hooked = false;

/** Links in model output open in a new tab and pass no referrer or opener to the target. */
function hookLinks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  });
}

/**
 * Renders model output as HTML that is safe to insert: Markdown through `marked`, then every tag and
 * attribute through DOMPurify (scripts, event handlers and `javascript:` URLs removed). Model output
 * is untrusted input: it can echo whatever the question or a web page contained.
 */
export function renderMarkdown(markdown: string): string {
  hookLinks();
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true }) as string;
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}
