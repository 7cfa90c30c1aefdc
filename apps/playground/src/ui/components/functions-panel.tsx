import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n-context';
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
  const { t } = useI18n();
  const parsed = useMemo(() => parseFunctions(settings.functionsJson), [settings.functionsJson]);
  return (
    <section className="panel" aria-labelledby="functions-heading">
      <h2 id="functions-heading">{t.functionCalling}</h2>
      <label className="toggle">
        <input
          type="checkbox"
          data-testid="functions-toggle"
          checked={settings.functionsEnabled}
          onChange={(event) => onChange({ functionsEnabled: event.target.checked })}
        />
        <span>{t.sendFunctions}</span>
      </label>
      <textarea
        className="code"
        rows={10}
        spellCheck={false}
        aria-label={t.functionDefinitions}
        data-testid="functions-json"
        value={settings.functionsJson}
        onChange={(event) => onChange({ functionsJson: event.target.value })}
      />
      {parsed.ok ? (
        <p className="muted">{t.functionCount(parsed.functions.map((definition) => definition.name))}</p>
      ) : (
        <p className="field-error" role="alert">
          {parsed.error}
        </p>
      )}
    </section>
  );
}
