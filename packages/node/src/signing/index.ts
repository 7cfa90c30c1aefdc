/**
 * `@xinghuo/node/signing`: the URL-signing handler and the HTTP relay alone, free of Node built-ins
 * and `ws`, for edge runtimes (Cloudflare Workers, Vercel Edge, Deno) and Next.js route handlers.
 *
 * @packageDocumentation
 */
export type { ClientAddressHeader, ClientKeyFunction, SigningRequestContext } from '../guards/client-key';
export { defaultClientKey } from '../guards/client-key';
export type { AllowedOrigins } from '../guards/cors';
export type { RelayErrorCode, SigningErrorCode } from '../guards/json-response';
export type { RateLimitOptions } from '../guards/token-bucket';
export type { TrustedHosts } from '../guards/trusted-hosts';
export * from '../relay/index';
export {
  createSigningHandler,
  type SignedUrlResponse,
  type SigningHandler,
  type SigningHandlerOptions,
} from './signing-handler';
