import { useMemo } from 'react';
import { renderMarkdown } from '../lib/render-markdown';

/** Model output rendered as sanitized Markdown (see renderMarkdown: DOMPurify runs on every render). */
export function MarkdownView({ markdown }: { markdown: string }) {
  const html = useMemo(() => renderMarkdown(markdown), [markdown]);
  // Safe: `html` is DOMPurify output, never the raw model text.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by renderMarkdown
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
