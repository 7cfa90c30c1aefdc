/**
 * Credentials: the one list of `SPARK_*` environment variables, the one missing-credential check and
 * the one guard against an API secret in a browser page, shared by every package.
 */
import { SparkConfigError } from '../errors/error-classes';
import type { SparkFetch } from '../protocol/http/open-http';
import type { SparkProtocol } from '../types';

/** The environment variables the SDK's packages read, by the option each one fills in. */
export const SPARK_ENV_VARIABLES = Object.freeze({
  appId: 'SPARK_APP_ID',
  apiKey: 'SPARK_API_KEY',
  apiSecret: 'SPARK_API_SECRET',
  apiPassword: 'SPARK_API_PASSWORD',
  protocol: 'SPARK_PROTOCOL',
  baseURL: 'SPARK_BASE_URL',
  model: 'SPARK_MODEL',
  /** `debug`, `info`, `warn` or `error`: the SDK's log lines on stderr (read by `@xinghuo/node`). */
  logLevel: 'XINGHUO_LOG',
} as const);

/**
 * The client options that `@xinghuo/node`, `@xinghuo/ai-sdk` and `@xinghuo/langchain` fill in from the
 * environment when they are not passed (core itself reads no environment). Their option types extend
 * this one, so the list and its documentation live in one place.
 */
export interface SparkEnvironmentOptions {
  /** The APPID from the iFlytek console (WebSocket; HTTP needs none). Default: `SPARK_APP_ID`. */
  appId?: string | undefined;
  /**
   * The APIKey: signs WebSocket URLs, and over HTTP is sent as `Bearer apiKey:apiSecret` when no
   * `apiPassword` is given. Server side only. Default: `SPARK_API_KEY` (not read when a `signUrl`
   * provider is given).
   */
  apiKey?: string | undefined;
  /** The APISecret. Server side only. Default: `SPARK_API_SECRET` (not read when a `signUrl` provider is given). */
  apiSecret?: string | undefined;
  /**
   * The HTTP APIPassword (控制台 → http服务接口认证信息), sent as `Bearer <apiPassword>`. A long-lived
   * secret: server side only. Default: `SPARK_API_PASSWORD`.
   */
  apiPassword?: string | undefined;
  /**
   * The wire protocol: `'ws'` (the signed WebSocket) or `'http'` (the OpenAI-compatible API). Default:
   * `SPARK_PROTOCOL`, else per model: WebSocket where the model has a WebSocket endpoint, HTTP where it
   * has only an HTTP one or where only an `apiPassword` (no app id) is given.
   */
  protocol?: SparkProtocol | undefined;
  /** Replaces scheme, host and port of every model URL (a proxy or a mock server). Default: `SPARK_BASE_URL`. */
  baseURL?: string | undefined;
}

/** A read-only view of environment variables (`process.env` on Node). */
export type SparkEnvironment = Readonly<Record<string, string | undefined>>;

/** Settings found in the environment (the option each variable fills); empty strings count as unset. */
export interface SparkEnvSettings extends SparkEnvironmentOptions {
  /** `SPARK_MODEL`: the model of requests that name none. */
  model?: string | undefined;
  /** `XINGHUO_LOG`, as written. */
  logLevel?: string | undefined;
}

function read(env: SparkEnvironment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * Reads `SPARK_APP_ID`, `SPARK_API_KEY`, `SPARK_API_SECRET`, `SPARK_API_PASSWORD`, `SPARK_PROTOCOL`,
 * `SPARK_BASE_URL` and `SPARK_MODEL` from `env`, trimmed; empty values count as unset.
 *
 * @throws SparkConfigError when `SPARK_PROTOCOL` is neither `ws` nor `http`
 * @example
 * ```ts
 * const { appId, model } = readSparkEnv(process.env);
 * ```
 */
export function readSparkEnv(env: SparkEnvironment): SparkEnvSettings {
  return {
    appId: read(env, SPARK_ENV_VARIABLES.appId),
    apiKey: read(env, SPARK_ENV_VARIABLES.apiKey),
    apiSecret: read(env, SPARK_ENV_VARIABLES.apiSecret),
    apiPassword: read(env, SPARK_ENV_VARIABLES.apiPassword),
    protocol: readProtocol(env),
    baseURL: read(env, SPARK_ENV_VARIABLES.baseURL),
    model: read(env, SPARK_ENV_VARIABLES.model),
    logLevel: read(env, SPARK_ENV_VARIABLES.logLevel),
  };
}

function readProtocol(env: SparkEnvironment): SparkProtocol | undefined {
  const value = read(env, SPARK_ENV_VARIABLES.protocol)?.toLowerCase();
  if (value === undefined || value === 'ws' || value === 'http') return value;
  throw new SparkConfigError(`${SPARK_ENV_VARIABLES.protocol} must be "ws" or "http".`);
}

/** The credentials a client is built from. */
export interface CredentialValues {
  appId?: string | undefined;
  apiKey?: string | undefined;
  apiSecret?: string | undefined;
  /** The HTTP APIPassword. */
  apiPassword?: string | undefined;
}

/**
 * The missing credentials, each named as option and variable (`'apiKey (SPARK_API_KEY)'`). The key and
 * secret count only when `needSecret` (no `signUrl` provider signs instead). Over HTTP the APIPassword
 * or the key pair (sent as `key:secret`) is needed, and no APPID.
 */
export function missingCredentials(
  values: CredentialValues,
  needSecret: boolean,
  protocol: SparkProtocol = 'ws',
): string[] {
  if (protocol === 'http') {
    if (values.apiPassword || (values.apiKey && values.apiSecret)) return [];
    return [
      `apiPassword (${SPARK_ENV_VARIABLES.apiPassword}), or apiKey (${SPARK_ENV_VARIABLES.apiKey}) and ` +
        `apiSecret (${SPARK_ENV_VARIABLES.apiSecret})`,
    ];
  }
  const missing: string[] = [];
  if (!values.appId) missing.push(`appId (${SPARK_ENV_VARIABLES.appId})`);
  if (needSecret && !values.apiKey) missing.push(`apiKey (${SPARK_ENV_VARIABLES.apiKey})`);
  if (needSecret && !values.apiSecret) missing.push(`apiSecret (${SPARK_ENV_VARIABLES.apiSecret})`);
  return missing;
}

/**
 * Throws a `SparkConfigError` naming every missing credential, both as an option and as an
 * environment variable, so the fix is obvious from one message.
 */
export function requireCredentials(
  values: CredentialValues,
  needSecret: boolean,
  protocol: SparkProtocol = 'ws',
): void {
  const missing = missingCredentials(values, needSecret, protocol);
  if (missing.length) {
    throw new SparkConfigError(
      `Missing Spark credentials${protocol === 'http' ? ' for HTTP' : ''}: ${missing.join(', ')}. Pass them ` +
        'as options or set the environment variables; the values are in the iFlytek console (控制台 → 我的应用' +
        `${protocol === 'http' ? ' → http服务接口认证信息' : ''}).`,
    );
  }
}

/** True in a browser page (a `window` and a `document`), false on servers and in workers. */
export function isBrowserPage(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown };
  return typeof scope.window === 'object' && typeof scope.document === 'object';
}

/**
 * Refuses an API secret or HTTP APIPassword where anyone who opens the page can read it, unless the caller opted in with
 * `dangerouslyAllowBrowser: true`.
 *
 * @throws SparkConfigError when `hasSecret` or `hasPassword` and not `dangerouslyAllowBrowser`
 */
export function guardBrowserSecret(
  hasSecret: boolean,
  dangerouslyAllowBrowser: boolean | undefined,
  hasPassword = false,
): void {
  if (dangerouslyAllowBrowser === true) return;
  if (hasPassword) {
    // The HTTP APIPassword does not expire: a page reaches HTTP through the app's server instead.
    throw new SparkConfigError(
      'apiPassword was passed to the browser client: anyone who opens the page can read it. Relay HTTP ' +
        'requests through your server, or set dangerouslyAllowBrowser: true.',
    );
  }
  if (!hasSecret) return;
  // Short on purpose (it ships in every page); the browser README's section on signing explains the setup.
  throw new SparkConfigError(
    'apiSecret was passed to the browser client: anyone who opens the page can read it. Sign on your ' +
      'server (createSigningHandler; valid 300 s) and pass signUrl: createSignedUrlFetcher(…), or set ' +
      'dangerouslyAllowBrowser: true.',
  );
}

/**
 * The mark of a {@link relayedFetch}. A registered symbol, so that the mark survives two copies of this
 * package in one bundle.
 */
export const RELAYED_FETCH: unique symbol = Symbol.for('xinghuo.relayedFetch') as never;

/**
 * Marks a `fetch` whose requests reach Spark through a relay that adds the HTTP credential on the
 * server (`createRelayHandler` of `@xinghuo/node`). An HTTP client given it needs no credential and,
 * given none, sends no `Authorization`: it is how a browser page speaks HTTP without the APIPassword.
 *
 * @example
 * ```ts
 * const client = createSparkEngine({
 *   protocol: 'http',
 *   baseURL: 'https://app.example.com/api/spark',
 *   fetch: relayedFetch((url, init) => fetch(url, { ...init, credentials: 'include' })),
 * });
 * ```
 */
export function relayedFetch(fetch: SparkFetch): SparkFetch {
  if (typeof fetch !== 'function') throw new SparkConfigError('relayedFetch needs a fetch function.');
  // A new function: the caller's own fetch (often the global one) stays unmarked.
  const relayed = ((input, init) => fetch(input, init)) as SparkFetch & { [RELAYED_FETCH]?: true };
  relayed[RELAYED_FETCH] = true;
  return relayed;
}
