import { useI18n } from '../i18n/i18n-context';
import type { Turn } from '../types';
import { AnswerStatsLine } from './answer-stats-line';
import { ErrorCard } from './error-card';
import { FunctionCallCard } from './function-call-card';
import { MarkdownView } from './markdown-view';
import { SearchResultsList } from './search-results-list';
import { ToolResults } from './tool-results';

/** One turn. Questions are shown as plain text; answers as sanitized Markdown with their details. */
export function MessageItem({ turn, dropped }: { turn: Turn; dropped: boolean }) {
  const { t } = useI18n();
  const statusLabel = turn.role === 'assistant' && turn.status !== 'done' ? t.status[turn.status] : '';
  const className = `message message-${turn.role}${dropped ? ' message-dropped' : ''}`;
  if (turn.role === 'user') {
    return (
      <li className={className} data-testid="user-message" data-dropped={dropped}>
        <p className="plain">{turn.content}</p>
        {dropped && <span className="dropped-note">{t.trimmed}</span>}
      </li>
    );
  }
  return (
    <li
      className={className}
      data-testid="assistant-message"
      data-status={turn.status}
      data-model={turn.model}
      data-dropped={dropped}
    >
      <div className="message-meta">
        <span className="model-tag">{turn.model}</span>
        {statusLabel && <span className={`status status-${turn.status}`}>{statusLabel}</span>}
        {dropped && <span className="dropped-note">{t.trimmed}</span>}
      </div>
      {turn.searchResults && turn.searchResults.length > 0 && (
        <SearchResultsList results={turn.searchResults} />
      )}
      {turn.reasoning && (
        <details className="reasoning">
          <summary>{t.reasoning}</summary>
          <p className="plain">{turn.reasoning}</p>
        </details>
      )}
      {turn.toolResults && turn.functionCall && <FunctionCallCard call={turn.functionCall} />}
      {turn.toolResults && turn.toolResults.length > 0 && <ToolResults results={turn.toolResults} />}
      <div data-testid="answer-text">
        <MarkdownView markdown={turn.content} />
      </div>
      {!turn.toolResults && turn.functionCall && <FunctionCallCard call={turn.functionCall} />}
      {turn.error && <ErrorCard error={turn.error} />}
      {turn.stats && <AnswerStatsLine stats={turn.stats} />}
    </li>
  );
}
