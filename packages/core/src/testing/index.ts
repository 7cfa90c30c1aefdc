/**
 * `@xinghuo/core/testing`: an in-memory transport with a scripted server and Spark frame builders, for
 * unit tests of anything built on the client. No sockets, no `node:*`: it runs wherever core runs.
 *
 * For tests over a real socket, against a server that checks signatures like the gateway, use
 * `@xinghuo/mock-server`.
 *
 * @example
 * ```ts
 * import { answerFrames, createMemoryTransport, respondWith } from '@xinghuo/core/testing';
 *
 * const transport = createMemoryTransport(respondWith(answerFrames('你好，我是星火。')));
 * ```
 *
 * @packageDocumentation
 */
export {
  type AnswerFramesOptions,
  answerFrames,
  errorFrame,
  type FrameOptions,
  type FrameUsage,
  functionCallFrame,
  type SearchSource,
  type SparkServerFrame,
  searchResultsFrame,
  TEST_SID,
  textFrame,
  wireUsage,
} from './frames';
export type { MemoryConnectionState, MemoryServerConnection } from './memory-connection';
export {
  createMemoryTransport,
  type MemoryHandler,
  type MemoryTransport,
  type RespondWithOptions,
  respondWith,
} from './memory-transport';
