import type { FormEvent, KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** The question box with Send and Stop. Enter sends, Shift+Enter adds a line. */
export function Composer({
  draft,
  onDraftChange,
  onSend,
  onStop,
  busy,
  blockedReason,
}: {
  draft: string;
  onDraftChange: (draft: string) => void;
  onSend: () => void;
  onStop: () => void;
  busy: boolean;
  blockedReason: string | undefined;
}) {
  const { t } = useI18n();
  const canSend = !busy && draft.trim() !== '' && blockedReason === undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSend) onSend();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (canSend) onSend();
    }
  };
  return (
    <form className="composer" onSubmit={submit}>
      <textarea
        aria-label={t.composerLabel}
        data-testid="composer-input"
        rows={2}
        value={draft}
        placeholder={t.composerPlaceholder}
        onChange={(event) => onDraftChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {busy ? (
        <button type="button" className="stop" data-testid="stop-button" onClick={onStop}>
          {t.stop}
        </button>
      ) : (
        <button type="submit" data-testid="send-button" disabled={!canSend} title={blockedReason}>
          {t.send}
        </button>
      )}
    </form>
  );
}
