import { useI18n } from '../i18n/i18n-context';
import type { ToolResult } from '../types';

/** What the page's demo tools returned for the model's calls (shown as text, never as HTML). */
export function ToolResults({ results }: { results: readonly ToolResult[] }) {
  const { t } = useI18n();
  return (
    <ol className="tool-results" data-testid="tool-results">
      {results.map((result, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the results of one answer never reorder
        <li key={index} className="function-call" data-testid="tool-result">
          <p>{t.toolResult(result.name)}</p>
          <pre data-testid="tool-result-content">{result.content}</pre>
        </li>
      ))}
    </ol>
  );
}
