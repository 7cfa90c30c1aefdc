import { readFileSync } from 'node:fs';

/** One signed-URL test vector from `spec/signing-vectors.json`. */
export interface SigningVector {
  source: string;
  url: string;
  method: string;
  apiKey: string;
  apiSecret: string;
  date: string;
  signatureOrigin: string;
  signature: string;
  authorizationOrigin: string;
  authorization: string;
  signedUrl: string;
}

/**
 * The official and derived signing vectors. Core's signer, the Node HMAC and the mock server's
 * independent verifier are all tested against this one list.
 */
export const SIGNING_VECTORS: readonly SigningVector[] = (
  JSON.parse(readFileSync(new URL('../spec/signing-vectors.json', import.meta.url), 'utf8')) as {
    vectors: SigningVector[];
  }
).vectors;
