import type { SparkModel } from '@xinghuo/browser';
import { formatTokens } from '../lib/format-tokens';

/** The capabilities a model has, as short badges. */
function capabilityBadges(model: SparkModel): string[] {
  const { capabilities } = model;
  return [
    capabilities.system && 'system prompt',
    capabilities.functions && 'functions',
    capabilities.webSearch && 'web search',
    capabilities.reasoning && 'reasoning',
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
  return (
    <section className="panel" aria-labelledby="model-heading">
      <h2 id="model-heading">Model</h2>
      <select
        aria-label="Model"
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
            domain <code>{selected.domain}</code>
          </span>
          <span>context {formatTokens(selected.contextWindow)}</span>
          <span>output ≤ {formatTokens(selected.maxOutputTokens)}</span>
          <span className="badges">
            {capabilityBadges(selected).map((badge) => (
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
