import { useI18n } from '../i18n/i18n-context';
import type { PlaygroundConfig } from '../types';

/** Title, the mode (mock or live), the language switch and the "new chat" action. */
export function HeaderBar({
  config,
  onNewChat,
}: {
  config: PlaygroundConfig | undefined;
  onNewChat: () => void;
}) {
  const { t, language, setLanguage } = useI18n();
  return (
    <header className="header-bar">
      <h1>
        xinghuo <span className="subtitle">{t.subtitle}</span>
      </h1>
      {config && (
        <span
          className={`mode-badge mode-${config.mode}`}
          data-testid="mode-badge"
          title={t.appIdTitle(config.appId)}
        >
          {config.mode === 'mock' ? t.modeMock : t.modeLive}
        </span>
      )}
      <button
        type="button"
        className="secondary language-switch"
        data-testid="language-switch"
        aria-label={t.switchLanguageLabel}
        lang={language === 'zh' ? 'en' : 'zh-CN'}
        onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
      >
        {t.switchLanguage}
      </button>
      <button type="button" className="secondary" data-testid="new-chat" onClick={onNewChat}>
        {t.newChat}
      </button>
    </header>
  );
}
