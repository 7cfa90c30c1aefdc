import { describeFaultMatrix } from './support/fault-matrix';
import { trackedBrowserTransport } from './support/tracked-transports';

describeFaultMatrix(
  'fault matrix over the browser transport (ws constructor injected)',
  'ws',
  trackedBrowserTransport,
);
