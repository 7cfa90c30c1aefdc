import { useState } from 'react';
import { armMockFault } from '../lib/fetch-config';
import type { MockFaultOption } from '../types';

/** Mock mode only: makes the mock server fail the next answer in a chosen way. */
export function MockFaultPanel({ faults }: { faults: readonly MockFaultOption[] }) {
  const [selected, setSelected] = useState(faults[0]?.id ?? '');
  const [status, setStatus] = useState('');
  const arm = async () => {
    try {
      await armMockFault(selected);
      setStatus(
        `Armed: the next answer fails with "${faults.find((fault) => fault.id === selected)?.label}".`,
      );
    } catch (error) {
      setStatus((error as Error).message);
    }
  };
  return (
    <section className="panel" aria-labelledby="faults-heading">
      <h2 id="faults-heading">Mock faults</h2>
      <div className="row">
        <select
          aria-label="Fault"
          data-testid="fault-select"
          value={selected}
          onChange={(event) => setSelected(event.target.value)}
        >
          {faults.map((fault) => (
            <option key={fault.id} value={fault.id}>
              {fault.label}
            </option>
          ))}
        </select>
        <button type="button" className="secondary" data-testid="arm-fault" onClick={arm}>
          Fail next answer
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
