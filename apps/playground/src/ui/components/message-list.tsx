import { useEffect, useRef } from 'react';
import type { Turn } from '../types';
import { MessageItem } from './message-item';

/** The conversation, scrolled to the newest turn as answers stream in. */
export function MessageList({
  turns,
  droppedTurnIds,
}: {
  turns: readonly Turn[];
  droppedTurnIds: ReadonlySet<string>;
}) {
  const endRef = useRef<HTMLDivElement>(null);
  const lastContent = turns.at(-1)?.content;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever the newest turn grows
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'end' });
  }, [turns.length, lastContent]);

  if (turns.length === 0) {
    return (
      <div className="empty-state">
        <p>
          Ask anything. Try “用三句话介绍合肥” or, with function calling on, “What is the weather in 合肥? Use
          get_weather.”
        </p>
      </div>
    );
  }
  return (
    <div className="message-scroll">
      <ol className="message-list" data-testid="message-list">
        {turns.map((turn) => (
          <MessageItem key={turn.id} turn={turn} dropped={droppedTurnIds.has(turn.id)} />
        ))}
      </ol>
      <div ref={endRef} />
    </div>
  );
}
