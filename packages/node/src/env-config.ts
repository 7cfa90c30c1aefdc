/**
 * The Node side of configuration from the environment: core's `SPARK_*` reader with `process.env` as
 * the default. The list of variables and the credential check live in `@xinghuo/core`.
 */
import {
  readSparkEnv as readEnv,
  SPARK_ENV_VARIABLES,
  type SparkEnvironment,
  type SparkEnvSettings,
} from '@xinghuo/core';

export { requireCredentials, type SparkEnvironment, type SparkEnvSettings } from '@xinghuo/core';

/** The environment variables the Node client reads (core's `SPARK_ENV_VARIABLES`). */
export const ENV_VARIABLES = SPARK_ENV_VARIABLES;

/**
 * Reads `SPARK_APP_ID`, `SPARK_API_KEY`, `SPARK_API_SECRET`, `SPARK_API_PASSWORD`, `SPARK_PROTOCOL`,
 * `SPARK_BASE_URL`, `SPARK_MODEL` and `XINGHUO_LOG`.
 *
 * @example
 * ```ts
 * const { appId, model } = readSparkEnv(process.env);
 * ```
 */
export function readSparkEnv(env: SparkEnvironment = process.env): SparkEnvSettings {
  return readEnv(env);
}
