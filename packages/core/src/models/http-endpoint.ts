/**
 * The HTTP endpoints of the registry (spec §6.1): every one is a path on Spark's OpenAI-compatible host.
 */
import type { HttpEndpoint } from './model-types';

/** The host of Spark's OpenAI-compatible API. */
export const SPARK_HTTP_HOST = 'https://spark-api-open.xf-yun.com';

/** One model's HTTP endpoint: a path on {@link SPARK_HTTP_HOST}, the `model` id, function calling. */
export function httpEndpoint(
  path: string,
  model: string,
  functions: boolean,
  maxTokensField: HttpEndpoint['maxTokensField'] = 'max_tokens',
): HttpEndpoint {
  return { url: `${SPARK_HTTP_HOST}${path}`, model, functions, maxTokensField };
}
