/**
 * @xinghuo/langchain: ChatSpark, a LangChain.js chat model for iFlytek Spark (讯飞星火).
 *
 * Works in Node and browsers: it takes any xinghuo client (`@xinghuo/node`, `@xinghuo/browser`) or
 * credentials plus a transport, and imports no platform module itself.
 *
 * @packageDocumentation
 */
export { ChatSpark, DEFAULT_MODEL } from './chat-spark';
export type {
  ChatSparkCallOptions,
  ChatSparkClient,
  ChatSparkInput,
  SparkInvocationParams,
  SparkSamplingOptions,
} from './chat-spark-options';
export {
  DEFAULT_TOOL_TURN_FORMAT,
  type ToolCallTurn,
  type ToolResultTurn,
  type ToolTurnFormat,
  toSparkMessages,
} from './convert-messages';
export { type BindToolsInput, toSparkFunction, toSparkFunctions, toSparkParameters } from './convert-tools';
export { type StopFilterStep, StopSequenceFilter } from './stop-sequences';
export { extractJson, jsonModeInstruction, type SparkStructuredOutputOptions } from './structured-output';
