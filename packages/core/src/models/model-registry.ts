/**
 * The registry data: every current Spark WebSocket chat model with its domain, URL and limits
 * (spec §2). Types live in `model-types.ts`, lookup in `models.ts`.
 */
import { MODELS_2026, withHttpEndpoint } from './http-registry';
import type { SparkModel } from './model-types';

const SPARK_HOST = 'wss://spark-api.xf-yun.com';

// One row per model: id, label, aliases (space-separated), domain (empty: the id), URL (a path on
// SPARK_HOST, or a full URL), context window / max output / default max tokens in units of 1024, and the
// capabilities as a bit set: 1 system, 2 functions, 4 web search, 8 reasoning. A table of strings is a
// fraction of the size of object literals in a browser bundle.
const TABLE = [
  'lite|Spark Lite|general spark-lite||/v1.1/chat|8|4|4|0',
  'generalv3|Spark Pro|pro spark-pro||/v3.1/chat|8|8|4|7',
  'pro-128k|Spark Pro-128K|spark-pro-128k||/chat/pro-128k|128|4|4|3',
  'generalv3.5|Spark Max|max spark-max||/v3.5/chat|8|8|4|7',
  'max-32k|Spark Max-32K|spark-max-32k||/chat/max-32k|32|8|4|3',
  '4.0Ultra|Spark 4.0 Ultra|ultra spark-ultra||/v4.0/chat|8|8|4|7',
  'kjwx|Spark Science Literature (科技文献)|||wss://spark-openapi-n.cn-huabei-1.xf-yun.com/v1.1/chat_kjwx|8|4|4|0',
  'x1|Spark X1.5 (deep reasoning)|spark-x|spark-x|/v1/x1|64|64|32|15',
];

function expand(row: string): SparkModel {
  const [id = '', label = '', aliases = '', domain, url = '', context, output, byDefault, flags] =
    row.split('|');
  const bits = Number(flags);
  return Object.freeze({
    id,
    label,
    aliases: Object.freeze(aliases ? aliases.split(' ') : []),
    domain: domain || id,
    url: url[0] === '/' ? SPARK_HOST + url : url,
    contextWindow: Number(context) * 1024,
    maxOutputTokens: Number(output) * 1024,
    defaultMaxTokens: Number(byDefault) * 1024,
    capabilities: Object.freeze({
      system: (bits & 1) > 0,
      functions: (bits & 2) > 0,
      webSearch: (bits & 4) > 0,
      reasoning: (bits & 8) > 0,
    }),
  });
}

/**
 * Every current Spark WebSocket chat model (spec §2).
 *
 * Capability notes: iFlytek's web doc says system and function calling work only on Max and 4.0 Ultra
 * and web search only on Pro/Max/Ultra, while the official Java SDK also enables system and functions
 * on Pro, Pro-128K and Max-32K; the registry follows the Java SDK. `kjwx` limits are not published:
 * 8192 in / 4096 out is an assumption. x1 uses the domain `spark-x`, its name since iFlytek renamed it
 * in November 2025 (the official Java SDK made the same change); the id `x1` is kept because the URL
 * path is still `/v1/x1`, and `spark-x` is an alias.
 */
export const MODELS: readonly SparkModel[] = /* @__PURE__ */ Object.freeze(
  [...TABLE.map(expand), ...MODELS_2026].map(withHttpEndpoint),
);
