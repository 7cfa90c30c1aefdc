import { useMemo } from 'react';
import { parseFunctions } from '../lib/parse-functions';
import type { PlaygroundSettings } from '../types';

/** Defines functions as JSON schema; when enabled they are sent and the model may call one. */
export function FunctionsPanel({
  settings,
  onChange,
}: {
  settings: PlaygroundSettings;
  onChange: (patch: Partial<PlaygroundSettings>) => void;
}) {
  const parsed = useMemo(() => parseFunctions(settings.functionsJson), [settings.functionsJson]);
  return (
    <section className="panel" aria-labelledby="functions-heading">
      <h2 id="functions-heading">Function calling</h2>
      <label className="toggle">
        <input
          type="checkbox"
          data-testid="functions-toggle"
          checked={settings.functionsEnabled}
          onChange={(event) => onChange({ functionsEnabled: event.target.checked })}
        />
        <span>send these functions</span>
      </label>
      <textarea
        className="code"
        rows={10}
        spellCheck={false}
        aria-label="Function definitions (JSON)"
        data-testid="functions-json"
        value={settings.functionsJson}
        onChange={(event) => onChange({ functionsJson: event.target.value })}
      />
      {parsed.ok ? (
        <p className="muted">
          {parsed.functions.length} function{parsed.functions.length === 1 ? '' : 's'}:{' '}
          {parsed.functions.map((definition) => definition.name).join(', ')}
        </p>
      ) : (
        <p className="field-error" role="alert">
          {parsed.error}
        </p>
      )}
    </section>
  );
}
