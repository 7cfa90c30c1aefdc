import type { FunctionCall } from '@xinghuo/browser';
import { useI18n } from '../i18n/i18n-context';

/** The function call the model made: its name and arguments (pretty-printed when they parse). */
export function FunctionCallCard({ call }: { call: FunctionCall }) {
  const { t } = useI18n();
  const pretty =
    call.parsedArguments === undefined ? call.arguments : JSON.stringify(call.parsedArguments, null, 2);
  return (
    <div className="function-call" data-testid="function-call">
      <p>
        {t.modelCalls} <code data-testid="function-call-name">{call.name}</code>
      </p>
      <pre data-testid="function-call-arguments">{pretty}</pre>
      {call.parseError && <p className="field-error">{t.invalidArguments(call.parseError)}</p>}
    </div>
  );
}
