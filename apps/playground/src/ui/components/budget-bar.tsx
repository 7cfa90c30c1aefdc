import { useI18n } from '../i18n/i18n-context';
import { formatTokens } from '../lib/format-tokens';
import type { BudgetPlan } from '../lib/plan-budget';

/** How much of the model's input budget the next request uses, and how many turns trimming drops. */
export function BudgetBar({ plan }: { plan: BudgetPlan }) {
  const { t } = useI18n();
  const ratio = plan.budget > 0 ? Math.min(1, plan.estimatedTokens / plan.budget) : 1;
  const dropped = plan.droppedTurnIds.size;
  return (
    <div className="budget" data-testid="budget-bar">
      {/* Decorative: the label next to it says the same in words. */}
      <div className={`budget-track${plan.fits ? '' : ' over'}`} aria-hidden="true">
        <div className="budget-fill" style={{ width: `${(ratio * 100).toFixed(1)}%` }} />
      </div>
      <span className="budget-label">
        {t.budget(formatTokens(plan.estimatedTokens), formatTokens(plan.budget))}
        {dropped > 0 && t.budgetTrimmed(dropped)}
        {!plan.fits && t.budgetTooLong}
      </span>
    </div>
  );
}
