import { readFileSync } from 'node:fs';

/** One signed-URL test vector from the repository's `spec/signing-vectors.json`. */
export interface SigningVector {
  url: string;
  method: string;
  apiKey: string;
  apiSecret: string;
  date: string;
  signedUrl: string;
}

/** The official and derived signing vectors, shared with @xinghuo/core's signer tests. */
export const SIGNING_VECTORS: readonly SigningVector[] = JSON.parse(
  readFileSync(new URL('../../../../spec/signing-vectors.json', import.meta.url), 'utf8'),
).vectors;
