import { createNodeFetch } from '@xinghuo/node';
import { describeFaultMatrix } from './support/fault-matrix';
import { trackedHttpFetch } from './support/tracked-transports';

describeFaultMatrix('fault matrix over the HTTP protocol (global fetch + SSE)', 'http', () =>
  trackedHttpFetch(),
);
// What `@xinghuo/node`'s client uses by default over HTTP: the same faults, the same typed errors.
describeFaultMatrix('fault matrix over the HTTP protocol (createNodeFetch + SSE)', 'http', () =>
  trackedHttpFetch(createNodeFetch()),
);
