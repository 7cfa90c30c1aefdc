import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { Turn } from '../types';
import { MessageBoundary } from './message-boundary';
import { MessageItem } from './message-item';

/** The conversation, scrolled to the newest turn as answers stream in. */
export function MessageList({
  turns,
  droppedTurnIds,
}: {
  turns: readonly Turn[];
  droppedTurnIds: ReadonlySet<string>;
}) {
  const { t } = useI18n();
  const endRef = useRef<HTMLDivElement>(null);
  const lastContent = turns.at(-1)?.content;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever the newest turn grows
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'end' });
  }, [turns.length, lastContent]);

  if (turns.length === 0) {
    return (
      <div className="empty-state">
        <p>{t.emptyState}</p>
      </div>
    );
  }
  return (
    <div className="message-scroll">
      <ol className="message-list" data-testid="message-list">
        {turns.map((turn) => (
          <MessageBoundary
            key={turn.id}
            fallback={
              <li className="message" data-testid="unrenderable-message">
                {t.unrenderable}
              </li>
            }
          >
            <MessageItem turn={turn} dropped={droppedTurnIds.has(turn.id)} />
          </MessageBoundary>
        ))}
      </ol>
      <div ref={endRef} />
    </div>
  );
}
