import type { SparkModel } from '@xinghuo/browser';
import { useI18n } from '../i18n/i18n-context';
import type { PlaygroundSettings } from '../types';

/** Edits the sampling parameters, the system prompt and web search. */
export function SettingsPanel({
  settings,
  model,
  onChange,
}: {
  settings: PlaygroundSettings;
  model: SparkModel | undefined;
  onChange: (patch: Partial<PlaygroundSettings>) => void;
}) {
  const { t } = useI18n();
  const maxOutput = model?.maxOutputTokens ?? 8192;
  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t.parameters}</h2>
      <label className="field">
        <span>
          {t.temperature} <output>{settings.temperature.toFixed(2)}</output>
        </span>
        <input
          type="range"
          min={0.05}
          max={1}
          step={0.05}
          value={settings.temperature}
          onChange={(event) => onChange({ temperature: Number(event.target.value) })}
        />
      </label>
      <label className="field">
        <span>{t.maxTokens(maxOutput)}</span>
        <input
          type="number"
          min={1}
          max={maxOutput}
          value={settings.maxTokens}
          data-testid="max-tokens"
          onChange={(event) =>
            onChange({
              maxTokens: Math.min(maxOutput, Math.max(1, Math.round(Number(event.target.value) || 1))),
            })
          }
        />
      </label>
      <label className="field">
        <span>{t.topK}</span>
        <input
          type="number"
          min={1}
          max={6}
          value={settings.topK}
          onChange={(event) =>
            onChange({ topK: Math.min(6, Math.max(1, Math.round(Number(event.target.value) || 1))) })
          }
        />
      </label>
      <label className="field">
        <span>
          {t.systemPrompt}
          {model && !model.capabilities.system ? t.systemPromptIgnored : ''}
        </span>
        <textarea
          rows={3}
          value={settings.systemPrompt}
          placeholder={t.systemPromptPlaceholder}
          onChange={(event) => onChange({ systemPrompt: event.target.value })}
        />
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          data-testid="web-search-toggle"
          checked={settings.webSearch}
          onChange={(event) => onChange({ webSearch: event.target.checked })}
        />
        <span>
          {t.webSearch}
          {model && !model.capabilities.webSearch ? t.webSearchUnsupported : ''}
        </span>
      </label>
    </section>
  );
}
