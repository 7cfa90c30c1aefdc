import { SparkConfigError } from '@xinghuo/core';

/** The environment variables the Node client reads. */
export const ENV_VARIABLES = {
  appId: 'SPARK_APP_ID',
  apiKey: 'SPARK_API_KEY',
  apiSecret: 'SPARK_API_SECRET',
  baseURL: 'SPARK_BASE_URL',
  model: 'SPARK_MODEL',
  /** `debug`, `info`, `warn` or `error`: the SDK's log lines on stderr (see `env-logger.ts`). */
  logLevel: 'XINGHUO_LOG',
} as const;

/** A read-only view of environment variables (`process.env` by default). */
export type SparkEnvironment = Readonly<Record<string, string | undefined>>;

/** Settings found in the environment; empty strings count as unset. */
export interface SparkEnvSettings {
  appId?: string | undefined;
  apiKey?: string | undefined;
  apiSecret?: string | undefined;
  baseURL?: string | undefined;
  model?: string | undefined;
  /** `XINGHUO_LOG`, as written. */
  logLevel?: string | undefined;
}

function read(env: SparkEnvironment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * Reads `SPARK_APP_ID`, `SPARK_API_KEY`, `SPARK_API_SECRET`, `SPARK_BASE_URL`, `SPARK_MODEL` and
 * `XINGHUO_LOG`.
 *
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
    baseURL: read(env, ENV_VARIABLES.baseURL),
    model: read(env, ENV_VARIABLES.model),
    logLevel: read(env, ENV_VARIABLES.logLevel),
  };
}

/**
 * Throws a {@link SparkConfigError} naming every missing credential, both as an option and as an
 * environment variable, so the fix is obvious from one message.
 */
export function requireCredentials(
  values: { appId?: string | undefined; apiKey?: string | undefined; apiSecret?: string | undefined },
  needSecret: boolean,
): void {
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
