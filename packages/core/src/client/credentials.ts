/**
 * Credentials: the one list of `SPARK_*` environment variables, the one missing-credential check and
 * the one guard against an API secret in a browser page, shared by every package.
 */
import { SparkConfigError } from '../errors/error-classes';

/** The environment variables the SDK's packages read, by the option each one fills in. */
export const SPARK_ENV_VARIABLES = Object.freeze({
  appId: 'SPARK_APP_ID',
  apiKey: 'SPARK_API_KEY',
  apiSecret: 'SPARK_API_SECRET',
  baseURL: 'SPARK_BASE_URL',
  model: 'SPARK_MODEL',
} as const);

/** A read-only view of environment variables (`process.env` on Node). */
export type SparkEnvironment = Readonly<Record<string, string | undefined>>;

/** Settings found in the environment; empty strings count as unset. */
export interface SparkEnvSettings {
  appId?: string | undefined;
  apiKey?: string | undefined;
  apiSecret?: string | undefined;
  baseURL?: string | undefined;
  model?: string | undefined;
}

function read(env: SparkEnvironment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * Reads `SPARK_APP_ID`, `SPARK_API_KEY`, `SPARK_API_SECRET`, `SPARK_BASE_URL` and `SPARK_MODEL` from
 * `env`, trimmed; empty values count as unset.
 *
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
    baseURL: read(env, SPARK_ENV_VARIABLES.baseURL),
    model: read(env, SPARK_ENV_VARIABLES.model),
  };
}

/** The credentials a client is built from. */
export interface CredentialValues {
  appId?: string | undefined;
  apiKey?: string | undefined;
  apiSecret?: string | undefined;
}

/**
 * The missing credentials, each named as option and variable (`'apiKey (SPARK_API_KEY)'`). The key and
 * secret count only when `needSecret` (no `signUrl` provider signs instead).
 */
export function missingCredentials(values: CredentialValues, needSecret: boolean): string[] {
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
export function requireCredentials(values: CredentialValues, needSecret: boolean): void {
  const missing = missingCredentials(values, needSecret);
  if (missing.length) {
    throw new SparkConfigError(
      `Missing Spark credentials: ${missing.join(', ')}. Pass them as options or set the environment ` +
        'variables; the values are in the iFlytek console (控制台 → 我的应用).',
    );
  }
}

/** True in a browser page (a `window` and a `document`), false on servers and in workers. */
export function isBrowserPage(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown };
  return typeof scope.window === 'object' && typeof scope.document === 'object';
}

/**
 * Refuses an API secret where anyone who opens the page can read it, unless the caller opted in with
 * `dangerouslyAllowBrowser: true`.
 *
 * @throws SparkConfigError when `hasSecret` and not `dangerouslyAllowBrowser`
 */
export function guardBrowserSecret(hasSecret: boolean, dangerouslyAllowBrowser: boolean | undefined): void {
  if (!hasSecret || dangerouslyAllowBrowser === true) return;
  // Short on purpose (it ships in every page); the browser README's section on signing explains the setup.
  throw new SparkConfigError(
    'apiSecret was passed to the browser client: anyone who opens the page can read it. Sign on your ' +
      'server (createSigningHandler; valid 300 s) and pass signUrl: createSignedUrlFetcher(…), or set ' +
      'dangerouslyAllowBrowser: true.',
  );
}
