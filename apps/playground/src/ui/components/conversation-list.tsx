import { useI18n } from '../i18n/i18n-context';
import type { Conversation } from '../lib/conversations';

/** The saved conversations, newest first: open one, or delete it. */
export function ConversationList({
  conversations,
  activeId,
  onSelect,
  onDelete,
}: {
  conversations: readonly Conversation[];
  activeId: string;
  onSelect: (id: string) => void;
  onDelete: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="conversations-heading">
      <details open>
        <summary>
          <h2 id="conversations-heading">{t.conversations}</h2>
          <span className="muted"> {conversations.length}</span>
        </summary>
        <ul className="conversations" data-testid="conversation-list">
          {conversations.map((conversation) => (
            <li key={conversation.id} className={conversation.id === activeId ? 'active' : undefined}>
              <button
                type="button"
                className="conversation-title"
                aria-current={conversation.id === activeId ? 'true' : undefined}
                onClick={() => onSelect(conversation.id)}
              >
                {conversation.title || t.untitled}
              </button>
              <button
                type="button"
                className="conversation-delete"
                aria-label={t.deleteConversation(conversation.title || t.untitled)}
                onClick={() => onDelete(conversation.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
