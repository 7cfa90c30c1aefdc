import type { FunctionCall } from '@xinghuo/browser';

/** The function call the model made: its name and arguments (pretty-printed when they parse). */
export function FunctionCallCard({ call }: { call: FunctionCall }) {
  const pretty =
    call.parsedArguments === undefined ? call.arguments : JSON.stringify(call.parsedArguments, null, 2);
  return (
    <div className="function-call" data-testid="function-call">
      <p>
        The model calls <code data-testid="function-call-name">{call.name}</code>
      </p>
      <pre data-testid="function-call-arguments">{pretty}</pre>
      {call.parseError && <p className="field-error">The arguments are not valid JSON: {call.parseError}</p>}
    </div>
  );
}
