import { SparkConfigError, type SparkProtocol } from '@xinghuo/core';

/** The environment variables the Node client reads. */
export const ENV_VARIABLES = {
  appId: 'SPARK_APP_ID',
  apiKey: 'SPARK_API_KEY',
  apiSecret: 'SPARK_API_SECRET',
  apiPassword: 'SPARK_API_PASSWORD',
  protocol: 'SPARK_PROTOCOL',
  baseURL: 'SPARK_BASE_URL',
  model: 'SPARK_MODEL',
} as const;

/** A read-only view of environment variables (`process.env` by default). */
export type SparkEnvironment = Readonly<Record<string, string | undefined>>;

/** Settings found in the environment; empty strings count as unset. */
export interface SparkEnvSettings {
  appId?: string | undefined;
  apiKey?: string | undefined;
  apiSecret?: string | undefined;
  /** The HTTP APIPassword. */
  apiPassword?: string | undefined;
  /** `ws` or `http`. */
  protocol?: SparkProtocol | undefined;
  baseURL?: string | undefined;
  model?: string | undefined;
}

function read(env: SparkEnvironment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * Reads `SPARK_APP_ID`, `SPARK_API_KEY`, `SPARK_API_SECRET`, `SPARK_API_PASSWORD`, `SPARK_PROTOCOL`,
 * `SPARK_BASE_URL` and `SPARK_MODEL`.
 *
 * @throws SparkConfigError when `SPARK_PROTOCOL` is neither `ws` nor `http`
 * @example
 * ```ts
 * const { appId, model } = readSparkEnv(process.env);
 * ```
 */
export function readSparkEnv(env: SparkEnvironment = process.env): SparkEnvSettings {
  return {
    appId: read(env, ENV_VARIABLES.appId),
    apiKey: read(env, ENV_VARIABLES.apiKey),
    apiSecret: read(env, ENV_VARIABLES.apiSecret),
    apiPassword: read(env, ENV_VARIABLES.apiPassword),
    protocol: readProtocol(env),
    baseURL: read(env, ENV_VARIABLES.baseURL),
    model: read(env, ENV_VARIABLES.model),
  };
}

function readProtocol(env: SparkEnvironment): SparkProtocol | undefined {
  const value = read(env, ENV_VARIABLES.protocol)?.toLowerCase();
  if (value === undefined || value === 'ws' || value === 'http') return value;
  throw new SparkConfigError(`${ENV_VARIABLES.protocol} must be "ws" or "http".`);
}

/**
 * Throws a {@link SparkConfigError} naming every missing credential, both as an option and as an
 * environment variable, so the fix is obvious from one message.
 */
export function requireCredentials(
  values: {
    appId?: string | undefined;
    apiKey?: string | undefined;
    apiSecret?: string | undefined;
    apiPassword?: string | undefined;
  },
  needSecret: boolean,
  protocol: SparkProtocol = 'ws',
): void {
  if (protocol === 'http') {
    // HTTP takes the APIPassword, or the WebSocket pair sent as key:secret; no APPID.
    if (values.apiPassword || (values.apiKey && values.apiSecret)) return;
    throw new SparkConfigError(
      `Missing Spark credentials for HTTP: apiPassword (${ENV_VARIABLES.apiPassword}), or apiKey ` +
        `(${ENV_VARIABLES.apiKey}) and apiSecret (${ENV_VARIABLES.apiSecret}). The APIPassword is in the ` +
        'iFlytek console (控制台 → http服务接口认证信息).',
    );
  }
  const missing: string[] = [];
  if (!values.appId) missing.push(`appId (${ENV_VARIABLES.appId})`);
  if (needSecret && !values.apiKey) missing.push(`apiKey (${ENV_VARIABLES.apiKey})`);
  if (needSecret && !values.apiSecret) missing.push(`apiSecret (${ENV_VARIABLES.apiSecret})`);
  if (missing.length) {
    throw new SparkConfigError(
      `Missing Spark credentials: ${missing.join(', ')}. Pass them as options or set the environment ` +
        'variables; the values are in the iFlytek console (控制台 → 我的应用).',
    );
  }
}
