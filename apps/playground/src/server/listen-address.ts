import type { PlaygroundEnvironment } from './spark-mode';

/** Where the server listens. */
export interface ListenAddress {
  port: number;
  host: string;
}

/** The playground's usual port, the same as Vite's, so the URL people know just works. */
export const DEFAULT_PORT = 5173;

/** Loopback only by default: the server hands out signed URLs, so it should not face the network unasked. */
export const DEFAULT_HOST = '127.0.0.1';

/** Reads `PORT` (0 picks a free port) and `HOST`; a malformed `PORT` is an error, not a silent default. */
export function listenAddressFromEnv(env: PlaygroundEnvironment): ListenAddress {
  const rawPort = env.PORT?.trim();
  let port = DEFAULT_PORT;
  if (rawPort) {
    port = Number(rawPort);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new Error(`PORT must be an integer from 0 to 65535, got "${rawPort}".`);
    }
  }
  return { port, host: env.HOST?.trim() || DEFAULT_HOST };
}

/** Whether `host` only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** The URL to print: `localhost` for loopback binds (what people type), the host itself otherwise. */
export function displayUrl(host: string, port: number): string {
  if (isLoopbackHost(host)) return `http://localhost:${port}`;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

/**
 * Whether a request's `Host` header may be served. A loopback server answers only to loopback names:
 * otherwise a web page could rebind its own domain name to 127.0.0.1 and ask this server for signed
 * URLs (DNS rebinding). A server bound to another interface was exposed on purpose and serves any name.
 */
export function isAllowedHostHeader(hostHeader: string | undefined, boundHost: string): boolean {
  if (!isLoopbackHost(boundHost)) return true;
  if (!hostHeader) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${hostHeader}`).hostname;
  } catch {
    return false;
  }
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
