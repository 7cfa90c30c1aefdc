import type { SparkModel } from '@xinghuo/browser';
import { useI18n } from '../i18n/i18n-context';
import type { Messages } from '../i18n/messages';
import { formatTokens } from '../lib/format-tokens';

/** The capabilities a model has, as short badges. */
function capabilityBadges(model: SparkModel, labels: Messages['capabilities']): string[] {
  const { capabilities } = model;
  return [
    capabilities.system && labels.system,
    capabilities.functions && labels.functions,
    capabilities.webSearch && labels.webSearch,
    capabilities.reasoning && labels.reasoning,
  ].filter((badge): badge is string => typeof badge === 'string');
}

/** Picks a model from the SDK registry and shows its context size, output limit and capabilities. */
export function ModelPicker({
  models,
  selected,
  onSelect,
}: {
  models: readonly SparkModel[];
  selected: SparkModel | undefined;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="model-heading">
      <h2 id="model-heading">{t.model}</h2>
      <select
        aria-label={t.model}
        data-testid="model-select"
        value={selected?.id ?? ''}
        onChange={(event) => onSelect(event.target.value)}
      >
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.label} ({model.id})
          </option>
        ))}
      </select>
      {selected && (
        <div className="model-facts" data-testid="model-facts">
          <span>
            {t.domain} <code>{selected.domain}</code>
          </span>
          <span>{t.context(formatTokens(selected.contextWindow))}</span>
          <span>{t.output(formatTokens(selected.maxOutputTokens))}</span>
          <span className="badges">
            {capabilityBadges(selected, t.capabilities).map((badge) => (
              <span key={badge} className="badge">
                {badge}
              </span>
            ))}
          </span>
        </div>
      )}
    </section>
  );
}
