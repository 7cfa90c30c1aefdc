/**
 * `@xinghuo/core/spark-codes`: Spark's business error codes (10000–11203…): what each means
 * (`describeSparkCode`) and the typed error it maps to (`errorFromSparkCode`). `@xinghuo/core` exports
 * them too; a page that starts from `@xinghuo/core/portable` (the browser package) imports them from
 * here, so the 1 KB table is in its first download only when the app shows code meanings itself.
 *
 * @packageDocumentation
 */
export { describeSparkCode, errorFromSparkCode } from './protocol/websocket/from-spark-code';
