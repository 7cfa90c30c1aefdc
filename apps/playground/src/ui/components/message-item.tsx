import type { Turn } from '../types';
import { AnswerStatsLine } from './answer-stats-line';
import { ErrorCard } from './error-card';
import { FunctionCallCard } from './function-call-card';
import { MarkdownView } from './markdown-view';
import { SearchResultsList } from './search-results-list';

const STATUS_LABELS = { streaming: 'streaming…', done: '', stopped: 'stopped', error: 'failed' } as const;

/** One turn. Questions are shown as plain text; answers as sanitized Markdown with their details. */
export function MessageItem({ turn, dropped }: { turn: Turn; dropped: boolean }) {
  const className = `message message-${turn.role}${dropped ? ' message-dropped' : ''}`;
  if (turn.role === 'user') {
    return (
      <li className={className} data-testid="user-message" data-dropped={dropped}>
        <p className="plain">{turn.content}</p>
        {dropped && <span className="dropped-note">trimmed from the next request</span>}
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
        {STATUS_LABELS[turn.status] && (
          <span className={`status status-${turn.status}`}>{STATUS_LABELS[turn.status]}</span>
        )}
        {dropped && <span className="dropped-note">trimmed from the next request</span>}
      </div>
      {turn.searchResults && turn.searchResults.length > 0 && (
        <SearchResultsList results={turn.searchResults} />
      )}
      {turn.reasoning && (
        <details className="reasoning">
          <summary>reasoning</summary>
          <p className="plain">{turn.reasoning}</p>
        </details>
      )}
      <div data-testid="answer-text">
        <MarkdownView markdown={turn.content} />
      </div>
      {turn.functionCall && <FunctionCallCard call={turn.functionCall} />}
      {turn.error && <ErrorCard error={turn.error} />}
      {turn.stats && <AnswerStatsLine stats={turn.stats} />}
    </li>
  );
}
