import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { renderMarkdown } from '../lib/render-markdown';

/** Model output rendered as sanitized Markdown (see renderMarkdown: DOMPurify runs on every render). */
export function MarkdownView({ markdown }: { markdown: string }) {
  const { t } = useI18n();
  const html = useMemo(
    () => renderMarkdown(markdown, { remoteImageLabel: t.remoteImage }),
    [markdown, t.remoteImage],
  );
  // Safe: `html` is DOMPurify output, never the raw model text.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by renderMarkdown
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
