/**
 * One measured run of one LangChain model in its own process: `count` sequential `invoke()` or
 * `stream()` calls, each checked against the mock's full answer. Prints a {@link PeerWorkerResult}.
 */
import { HumanMessage } from '@langchain/core/messages';
import { measure } from '../support/measure';
import { reportResult, workerInput } from '../support/workers';
import { chatSparkModel, type PeerTarget, peerModel } from './sides';

/** Input of one peer worker run. */
export interface PeerWorkerInput {
  side: 'chatspark' | 'peer';
  mode: 'invoke' | 'stream';
  count: number;
  target: PeerTarget;
  /** Prompt → the full answer the mock gives it. */
  expected: Record<string, string>;
}

/** What one peer worker run measured. */
export interface PeerWorkerResult {
  side: 'chatspark' | 'peer';
  mode: 'invoke' | 'stream';
  calls: number;
  completeAnswers: number;
  /** Characters missing from the answers, summed over calls (0 when every answer is whole). */
  missingCharacters: number;
  /** Chunks a `stream()` call yielded, on average (1 means no real streaming). */
  chunksPerStream: number;
  errors: number;
  wallMs: number;
  cpuMs: number;
  peakRssBytes: number;
}

const input = workerInput<PeerWorkerInput>();
const model = input.side === 'chatspark' ? chatSparkModel(input.target) : peerModel(input.target);
const prompts = Object.keys(input.expected);

let completeAnswers = 0;
let missingCharacters = 0;
let chunks = 0;
let errors = 0;

async function call(prompt: string): Promise<string> {
  const messages = [new HumanMessage(prompt)];
  if (input.mode === 'invoke') {
    const message = await model.invoke(messages);
    return typeof message.content === 'string' ? message.content : JSON.stringify(message.content);
  }
  let text = '';
  for await (const chunk of await model.stream(messages)) {
    chunks += 1;
    text += typeof chunk.content === 'string' ? chunk.content : '';
  }
  return text;
}

async function calls(count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const prompt = prompts[index % prompts.length]!;
    const want = input.expected[prompt]!;
    try {
      const text = await call(prompt);
      if (text === want) completeAnswers += 1;
      missingCharacters += Math.max(0, want.length - text.length);
    } catch {
      errors += 1;
    }
  }
}

// Warm-up, not counted.
await calls(Math.min(20, input.count));
completeAnswers = 0;
missingCharacters = 0;
chunks = 0;
errors = 0;

const measurement = await measure(() => calls(input.count));
reportResult({
  side: input.side,
  mode: input.mode,
  calls: input.count,
  completeAnswers,
  missingCharacters,
  chunksPerStream: input.mode === 'stream' ? chunks / input.count : 0,
  errors,
  ...measurement,
} satisfies PeerWorkerResult);
