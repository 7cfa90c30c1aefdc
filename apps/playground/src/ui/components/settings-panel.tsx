import type { SparkModel } from '@xinghuo/browser';
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
  const maxOutput = model?.maxOutputTokens ?? 8192;
  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Parameters</h2>
      <label className="field">
        <span>
          temperature <output>{settings.temperature.toFixed(2)}</output>
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
        <span>max tokens (1–{maxOutput})</span>
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
        <span>top_k (1–6)</span>
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
        <span>system prompt{model && !model.capabilities.system ? ' (this model may ignore it)' : ''}</span>
        <textarea
          rows={3}
          value={settings.systemPrompt}
          placeholder="You are a helpful assistant."
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
          web search with source links
          {model && !model.capabilities.webSearch ? ' (not supported by this model)' : ''}
        </span>
      </label>
    </section>
  );
}
