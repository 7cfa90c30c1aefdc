/**
 * `@xinghuo/node/signing`: the URL-signing handler alone, free of Node built-ins and `ws`, for edge
 * runtimes (Cloudflare Workers, Vercel Edge, Deno) and Next.js route handlers.
 *
 * @packageDocumentation
 */
export type { ClientAddressHeader, ClientKeyFunction, SigningRequestContext } from './client-key';
export { defaultClientKey } from './client-key';
export type { AllowedOrigins } from './cors';
export type { SigningErrorCode } from './json-response';
export {
  createSigningHandler,
  type SignedUrlResponse,
  type SigningHandler,
  type SigningHandlerOptions,
} from './signing-handler';
export type { RateLimitOptions } from './token-bucket';
export type { TrustedHosts } from './trusted-hosts';
