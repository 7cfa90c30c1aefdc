import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { armMockFault } from '../lib/fetch-config';
import type { MockFaultOption } from '../types';

/** Mock mode only: makes the mock server fail the next answer in a chosen way. */
export function MockFaultPanel({ faults }: { faults: readonly MockFaultOption[] }) {
  const { t } = useI18n();
  const labelOf = (fault: MockFaultOption) => t.faultLabels[fault.id] ?? fault.label;
  const [selected, setSelected] = useState(faults[0]?.id ?? '');
  const [status, setStatus] = useState('');
  const arm = async () => {
    try {
      await armMockFault(selected);
      const fault = faults.find((candidate) => candidate.id === selected);
      setStatus(t.faultArmed(fault ? labelOf(fault) : selected));
    } catch (error) {
      setStatus((error as Error).message);
    }
  };
  return (
    <section className="panel" aria-labelledby="faults-heading">
      <h2 id="faults-heading">{t.mockFaults}</h2>
      <div className="row">
        <select
          aria-label={t.fault}
          data-testid="fault-select"
          value={selected}
          onChange={(event) => setSelected(event.target.value)}
        >
          {faults.map((fault) => (
            <option key={fault.id} value={fault.id}>
              {labelOf(fault)}
            </option>
          ))}
        </select>
        <button type="button" className="secondary" data-testid="arm-fault" onClick={arm}>
          {t.failNextAnswer}
        </button>
      </div>
      {status && (
        <p className="muted" data-testid="fault-status">
          {status}
        </p>
      )}
    </section>
  );
}
