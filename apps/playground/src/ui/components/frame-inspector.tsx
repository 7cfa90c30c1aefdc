import { useI18n } from '../i18n/i18n-context';
import type { RecordedExchange } from '../types';

/** Pretty-prints a frame when it is JSON; shows it as it came otherwise (a malformed frame). */
function prettyFrame(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The raw frames of the last exchange, and the URL dialled with its authorization redacted. */
export function FrameInspector({ exchange }: { exchange: RecordedExchange | undefined }) {
  const { t } = useI18n();
  return (
    <section className="panel inspector" aria-labelledby="inspector-heading">
      <details>
        <summary>
          <h2 id="inspector-heading">{t.frameInspector}</h2>
          <span className="muted">{exchange ? t.frameCount(exchange.frames.length) : t.noExchange}</span>
        </summary>
        {exchange && (
          <div data-testid="frame-inspector">
            <p className="muted">{exchange.protocol === 'http' ? t.relayUrl : t.redactedUrl}</p>
            <code className="url" data-testid="inspector-url">
              {exchange.url}
            </code>
            <ol className="frames">
              {exchange.frames.map((frame) => (
                <li
                  key={frame.sequence}
                  className={`frame frame-${frame.direction}`}
                  data-testid={`frame-${frame.direction}`}
                >
                  <span className="frame-meta">
                    {frame.direction === 'sent' ? t.sent : t.received} +{frame.atMs} ms
                  </span>
                  <pre>{prettyFrame(frame.text)}</pre>
                </li>
              ))}
            </ol>
          </div>
        )}
      </details>
    </section>
  );
}
