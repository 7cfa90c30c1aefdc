import { describeFaultMatrix } from './support/fault-matrix';
import { trackedNodeTransport } from './support/tracked-transports';

describeFaultMatrix('fault matrix over the Node (ws) transport', 'ws', trackedNodeTransport);
