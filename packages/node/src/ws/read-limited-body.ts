import type { IncomingMessage } from 'node:http';

const MAX_BODY_BYTES = 16 * 1024;
const BODY_TIMEOUT_MS = 2_000;

/**
 * Reads the body of a refused handshake response, at most 16 KiB and at most 2 s, and never
 * rejects: the status alone is enough to classify the failure, the body only adds the reason.
 */
export function readLimitedBody(response: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => {
      clearTimeout(timer);
      response.removeAllListeners('data');
      resolve(chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined);
    };
    const timer = setTimeout(finish, BODY_TIMEOUT_MS);
    response.on('data', (chunk: Buffer) => {
      if (size >= MAX_BODY_BYTES) return;
      chunks.push(chunk.subarray(0, MAX_BODY_BYTES - size));
      size += chunk.length;
      if (size >= MAX_BODY_BYTES) finish();
    });
    response.once('end', finish);
    response.once('error', finish);
    response.once('close', finish);
  });
}
