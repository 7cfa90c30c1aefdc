import { useI18n } from '../i18n/i18n-context';
import type { ErrorInfo } from '../types';

/** A failed answer: Spark's code and what it means, the SDK's error code, a hint and the sid. */
export function ErrorCard({ error }: { error: ErrorInfo }) {
  const { t } = useI18n();
  return (
    <div className="error-card" role="alert" data-testid="error-card">
      <p className="error-title">
        {error.sparkCode !== undefined ? (
          <>
            {t.sparkError} <strong data-testid="error-spark-code">{error.sparkCode}</strong>
            {error.meaning && <span data-testid="error-meaning">: {error.meaning}</span>}
          </>
        ) : (
          <strong>{error.code.replaceAll('_', ' ')}</strong>
        )}
      </p>
      <p className="error-hint">{t.errorHints[error.code] ?? error.hint}</p>
      <details>
        <summary>
          {t.details} <code>{error.code}</code>
          {error.retryable ? t.retryable : ''}
        </summary>
        <p className="error-message">{error.message}</p>
        {error.sid && (
          <p>
            sid <code>{error.sid}</code>
          </p>
        )}
      </details>
    </div>
  );
}
