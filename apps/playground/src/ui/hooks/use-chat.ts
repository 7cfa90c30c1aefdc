import type {
  ChatMessage,
  ChatParams,
  ChatResult,
  SparkClient,
  SparkModel,
  SparkStreamEvent,
} from '@xinghuo/browser';
import { useCallback, useRef, useState } from 'react';
import { computeAnswerStats } from '../lib/answer-stats';
import { buildHistory } from '../lib/build-history';
import { createId } from '../lib/create-id';
import { runDemoTools } from '../lib/demo-tools';
import { describeError } from '../lib/describe-error';
import { parseFunctions } from '../lib/parse-functions';
import type { AssistantTurn, PlaygroundSettings, ToolResult, Turn } from '../types';
import type { UpdateTurns } from './use-conversations';

/** Inputs of {@link useChat}. */
export interface UseChatOptions {
  client: SparkClient | undefined;
  model: SparkModel | undefined;
  settings: PlaygroundSettings;
  /** The conversation questions are asked in, and its turns. */
  conversationId: string;
  turns: Turn[];
  updateTurns: UpdateTurns;
}

/** Builds the request from the sidebar settings. */
function requestFor(
  settings: PlaygroundSettings,
  model: SparkModel,
  question: string,
  turns: Turn[],
): ChatParams {
  const history = buildHistory(turns, settings.systemPrompt, question);
  const parsed = settings.functionsEnabled ? parseFunctions(settings.functionsJson) : undefined;
  if (parsed && !parsed.ok) throw new Error(`Functions panel: ${parsed.error}`);
  return {
    model: model.id,
    messages: history.messages,
    temperature: settings.temperature,
    maxTokens: settings.maxTokens,
    topK: settings.topK,
    // Spark searches by default; say "off" explicitly, but only to models that know the option.
    webSearch: settings.webSearch
      ? { enable: true, showRefLabel: true }
      : model.capabilities.webSearch
        ? false
        : undefined,
    functions: parsed?.ok ? parsed.functions : undefined,
    trimHistory: { reserveOutputTokens: settings.maxTokens },
  };
}

/**
 * The request that follows a function call: the same one, with the model's turn (its calls quoted so
 * the results can name them) and one `tool` turn per result. HTTP only: WebSocket has no `tool` role.
 */
function withToolResults(
  request: ChatParams,
  answer: ChatResult,
  results: readonly ToolResult[],
): ChatParams {
  const calls = answer.functionCalls ?? [];
  const toolTurns: ChatMessage[] = results.map((result, index) => ({
    role: 'tool',
    content: result.content,
    toolCallId: calls[index]?.id,
  }));
  return {
    ...request,
    messages: [
      ...request.messages,
      { role: 'assistant', content: answer.text, toolCalls: calls },
      ...toolTurns,
    ],
  };
}

/**
 * The chat loop: sends a question with the history, streams the answer into the conversation,
 * and records timing, usage, function calls, sources and errors on the answer turn. Over HTTP, a call
 * of one of the page's demo tools is run here and its result sent back, and the model's answer with it
 * streams into the same turn. `stop()`
 * aborts the request through its AbortSignal; the partial text is kept and marked stopped.
 */
export function useChat({ client, model, settings, conversationId, turns, updateTurns }: UseChatOptions) {
  const [busy, setBusy] = useState(false);
  const controllerRef = useRef<AbortController | undefined>(undefined);

  const send = useCallback(
    async (question: string) => {
      if (!client || !model || controllerRef.current) return;
      const answerId = createId();
      const update = (patch: Partial<AssistantTurn>) =>
        updateTurns(conversationId, (current) =>
          current.map((turn) =>
            turn.id === answerId && turn.role === 'assistant' ? { ...turn, ...patch } : turn,
          ),
        );
      updateTurns(conversationId, (current) => [
        ...current,
        { id: createId(), role: 'user', content: question },
        { id: answerId, role: 'assistant', content: '', status: 'streaming', model: model.id },
      ]);

      const controller = new AbortController();
      controllerRef.current = controller;
      setBusy(true);
      const startedAt = performance.now();
      let firstTokenAt: number | undefined;
      let text = '';
      let reasoning = '';
      const onEvent = (event: SparkStreamEvent) => {
        if (event.type !== 'usage' && event.type !== 'end' && event.type !== 'search-results') {
          firstTokenAt ??= performance.now();
        }
        switch (event.type) {
          case 'text-delta':
            text += event.text;
            update({ content: text });
            break;
          case 'reasoning-delta':
            reasoning += event.text;
            update({ reasoning });
            break;
          case 'function-call':
            update({ functionCall: event.functionCall });
            break;
          case 'search-results':
            update({ searchResults: event.results });
            break;
          case 'usage':
          case 'end':
            break;
        }
      };
      // One request, streamed into the turn; resolves with its result.
      const streamAnswer = async (request: ChatParams): Promise<ChatResult> => {
        const stream = client.stream(request, { signal: controller.signal });
        for await (const event of stream) onEvent(event);
        return stream.finalResult();
      };

      try {
        const request = requestFor(settings, model, question, turns);
        let result = await streamAnswer(request);
        let answerText = result.text;
        const toolResults =
          settings.protocol === 'http' && result.functionCalls
            ? runDemoTools(result.functionCalls)
            : undefined;
        if (toolResults) {
          update({ toolResults });
          result = await streamAnswer(withToolResults(request, result, toolResults));
          answerText += result.text;
        }
        const timings = { startedAt, firstTokenAt, endedAt: performance.now() };
        update({
          status: 'done',
          content: answerText,
          stats: computeAnswerStats(timings, result.usage, result.sid),
        });
      } catch (error) {
        const timings = { startedAt, firstTokenAt, endedAt: performance.now() };
        if (controller.signal.aborted) {
          update({ status: 'stopped', content: text, stats: computeAnswerStats(timings) });
        } else {
          update({
            status: 'error',
            content: text,
            error: describeError(error),
            stats: computeAnswerStats(timings),
          });
        }
      } finally {
        controllerRef.current = undefined;
        setBusy(false);
      }
    },
    [client, model, settings, conversationId, turns, updateTurns],
  );

  const stop = useCallback(() => controllerRef.current?.abort(), []);

  return { busy, send, stop };
}
