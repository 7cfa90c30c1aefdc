/**
 * `@xinghuo/browser/spark-codes`: Spark's business error codes, what each means (`describeSparkCode`)
 * and the typed error it maps to (`errorFromSparkCode`). An entry of its own so that the table stays
 * out of a page's first download unless the app shows code meanings itself: every `SparkError` already
 * carries `sparkCode` and Spark's own message.
 *
 * @packageDocumentation
 */
export { describeSparkCode, errorFromSparkCode } from '@xinghuo/core/spark-codes';
