import { useI18n } from '../i18n/i18n-context';
import { PLAYGROUND_PROTOCOLS, type PlaygroundProtocol } from '../types';

/** Chooses the wire protocol: WebSocket (signed URLs) or HTTP (through the server's relay). */
export function ProtocolSwitch({
  protocol,
  onChange,
}: {
  protocol: PlaygroundProtocol;
  onChange: (protocol: PlaygroundProtocol) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="protocol-heading">
      <h2 id="protocol-heading">{t.protocol}</h2>
      <div className="protocol-switch" role="radiogroup" aria-labelledby="protocol-heading">
        {PLAYGROUND_PROTOCOLS.map((option) => (
          <label key={option} className="toggle">
            <input
              type="radio"
              name="protocol"
              value={option}
              data-testid={`protocol-${option}`}
              checked={protocol === option}
              onChange={() => onChange(option)}
            />
            <span>{option === 'ws' ? t.protocolWebSocket : t.protocolHttp}</span>
          </label>
        ))}
      </div>
      <p className="muted" data-testid="protocol-hint">
        {t.protocolHint[protocol]}
      </p>
    </section>
  );
}
