import { useI18n } from '../i18n/i18n-context';
import type { AnswerStats } from '../types';

/** Usage, sid, time to first token and speed of one answer, in one line. */
export function AnswerStatsLine({ stats }: { stats: AnswerStats }) {
  const { t } = useI18n();
  const parts: { label: string; value: string }[] = [];
  if (stats.usage) {
    const { promptTokens, completionTokens, totalTokens } = stats.usage;
    parts.push({
      label: t.stats.tokens,
      value: t.stats.tokenCounts(promptTokens, completionTokens, totalTokens),
    });
  }
  if (stats.timeToFirstTokenMs !== undefined)
    parts.push({ label: t.stats.firstToken, value: `${Math.round(stats.timeToFirstTokenMs)} ms` });
  if (stats.tokensPerSecond !== undefined)
    parts.push({ label: t.stats.speed, value: t.stats.tokensPerSecond(stats.tokensPerSecond) });
  if (stats.totalMs !== undefined)
    parts.push({ label: t.stats.total, value: `${(stats.totalMs / 1000).toFixed(2)} s` });
  return (
    <div className="answer-stats" data-testid="answer-stats">
      {parts.map((part) => (
        <span key={part.label}>
          {part.label} <strong>{part.value}</strong>
        </span>
      ))}
      {stats.sid && (
        <span>
          sid <code data-testid="answer-sid">{stats.sid}</code>
        </span>
      )}
    </div>
  );
}
