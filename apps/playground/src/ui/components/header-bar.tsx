import type { PlaygroundConfig } from '../types';

/** Title, the mode (mock or live) and the "new chat" action. */
export function HeaderBar({
  config,
  onNewChat,
}: {
  config: PlaygroundConfig | undefined;
  onNewChat: () => void;
}) {
  return (
    <header className="header-bar">
      <h1>
        xinghuo <span className="subtitle">Spark playground · 星火</span>
      </h1>
      {config && (
        <span
          className={`mode-badge mode-${config.mode}`}
          data-testid="mode-badge"
          title={`app id ${config.appId}`}
        >
          {config.mode === 'mock' ? 'mock mode (offline)' : 'live Spark'}
        </span>
      )}
      <button type="button" className="secondary" data-testid="new-chat" onClick={onNewChat}>
        New chat
      </button>
    </header>
  );
}
