import { describeFaultMatrix } from './support/fault-matrix';
import { trackedHttpFetch } from './support/tracked-transports';

describeFaultMatrix('fault matrix over the HTTP protocol (fetch + SSE)', 'http', trackedHttpFetch);
