import { buildPlan } from '../answer/plan.js';
import { createSid } from '../answer/sid.js';
import { GATEWAY_MESSAGES, gatewayRejection, type HandshakeRejection } from '../auth/gateway-responses.js';
import type { MockSparkEngine } from '../engine.js';
import type { MockRecordedRequest } from '../records.js';
import type { MockHandshakeInfo, MockScenario } from '../scenarios.js';
import { type SparkErrorFrameSpec, sparkError } from '../spark-errors.js';
import { checkBearer } from './bearer-credential.js';
import { type ChatCompletionRequest, modelOf, validateChatCompletion } from './chat-completion-request.js';
import { completionOf, type HttpStep, httpSteps } from './completion-chunks.js';
import type { HttpResponseSink } from './http-response-sink.js';
import { findHttpRoute, type MockHttpRoute } from './http-routes.js';
import { jsonAnswerText } from './json-object-answer.js';
import { withToolChoice } from './tool-choice.js';

/** One `POST …/chat/completions` as the faces hand it to the engine. */
export interface ChatCompletionsInput {
  /** URL path, e.g. `/v1/chat/completions`. */
  path: string;
  /** The full URL (it carries no credential on HTTP). */
  url: string;
  /** The `Authorization` header, if any. */
  authorization: string | null | undefined;
  /** The request body as text. */
  body: string;
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };
const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache',
  Connection: 'keep-alive',
};

/**
 * One HTTP exchange of the mock's OpenAI-compatible face: route, scripted refusals, the Bearer
 * credential, validation, then the same answer plan as a WebSocket session, sent as one JSON body or
 * as Server-Sent Events. `handleClose()` stops it when the client goes away.
 */
export class ChatCompletionsExchange {
  #closed = false;
  #finished = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #wake: (() => void) | undefined;
  readonly #sid: string;

  constructor(
    private readonly engine: MockSparkEngine,
    private readonly sink: HttpResponseSink,
  ) {
    this.#sid = createSid(engine.now());
    engine.httpExchangeOpened();
  }

  /** Answers `input`; resolves once the response is complete, dropped, stalled or the client left. */
  async run(input: ChatCompletionsInput): Promise<void> {
    try {
      await this.#run(input);
    } catch (error) {
      // A throwing request handler (or a bug in the mock) is a business error the test then sees.
      const detail = error instanceof Error ? error.message : String(error);
      this.#businessError(sparkError(10012, `mock handler failed: ${detail}`));
    }
  }

  /** The client closed the connection: stop waiting and sending. */
  handleClose(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#wake?.();
    this.#done();
  }

  async #run(input: ChatCompletionsInput): Promise<void> {
    const engine = this.engine;
    const route = findHttpRoute(input.path);
    const model = modelOf(input.body);
    if (route === undefined) {
      this.#refuse(input, model, gatewayRejection(404, GATEWAY_MESSAGES.noRoute));
      return;
    }
    const info: MockHandshakeInfo = { path: input.path, model, url: input.url };
    const queued = engine.script.take();
    if (queued?.reject !== undefined) {
      this.#refuse(input, model, queued.reject);
      return;
    }
    const scripted = await engine.script.handshakeRejection(info);
    const bearer = checkBearer(input.authorization, engine.httpCredentials);
    const refusal = scripted ?? (bearer.ok || engine.strictAuth === false ? undefined : bearer.rejection);
    if (refusal !== undefined) {
      if (queued !== undefined) engine.script.putBack(queued);
      this.#refuse(input, model, refusal);
      return;
    }
    engine.recordConnection({
      path: input.path,
      model,
      url: input.url,
      status: 200,
      at: engine.now(),
      protocol: 'http',
    });

    const record: MockRecordedRequest = {
      path: input.path,
      model,
      url: input.url,
      date: null,
      host: null,
      raw: input.body,
      frame: undefined,
      at: engine.now(),
      protocol: 'http',
    };
    if (bearer.ok) record.bearer = bearer.form;
    let request: ChatCompletionRequest;
    const validation = validateChatCompletion(input.body, route);
    if (validation.ok) {
      request = validation.request;
      record.frame = request.frame;
    } else if (queued?.validate === false) {
      record.frame = parseJson(input.body);
      request = looseRequest(record.frame, model);
    } else {
      record.frame = parseJson(input.body);
      record.error = validation.error;
      engine.recordRequest(record);
      this.#businessError(validation.error);
      return;
    }
    record.request = request;
    engine.recordRequest(record);

    const scenario = queued ?? (await engine.script.scenarioFor({ ...info, request })) ?? {};
    if (this.#closed) return;
    await this.#answer(route, request, scenario);
  }

  async #answer(route: MockHttpRoute, request: ChatCompletionRequest, scenario: MockScenario): Promise<void> {
    const limits = route.models[request.domain] ?? Object.values(route.models)[0]!;
    const answered = withToolChoice(
      request,
      request.responseFormat === 'json_object' && scenario.text === undefined
        ? { ...scenario, text: jsonAnswerText(request.messages) }
        : scenario,
    );
    const plan = buildPlan(request, answered, {
      route: limits,
      sid: this.#sid,
      chunkChars: scenario.chunkChars ?? this.engine.chunkChars,
    });
    const context = {
      sid: this.#sid,
      created: Math.floor(this.engine.now().getTime() / 1000),
      usage: route.usage,
      toolCallsArray: request.toolCallsSwitch,
    };
    const steps = httpSteps(plan, answered, context);
    const latencyMs = scenario.latencyMs ?? this.engine.latencyMs;
    if (!request.stream) {
      if (latencyMs > 0) await this.#sleep(latencyMs);
      if (!this.#closed) this.#respondWhole(steps, context);
      return;
    }
    const dataSpace = scenario.sseDataSpace ?? this.engine.sseDataSpace ?? route.dataSpace;
    const prefix = dataSpace ? 'data: ' : 'data:';
    // A business error before any content is a plain JSON answer with HTTP 200 (spec §6.5).
    const first = steps[0];
    if (first?.type === 'business-error') {
      this.#businessError(first.data);
      return;
    }
    // The status and headers go out at once, as a real server's do: latency then delays the first
    // chunk (what a client's first-token deadline bounds), not the response itself (its connect deadline).
    // A script that starts with a drop never answers at all; any other opens the response first.
    if (first === undefined || first.type === 'drop') {
      if (first) this.#drop();
      return;
    }
    this.sink.open(200, SSE_HEADERS);
    for (const step of steps) {
      if (step.type === 'drop') {
        this.#drop();
        return;
      }
      // Keep the response open until the client or `close()` ends it.
      if (step.type === 'stall') return;
      if (step.type === 'end') {
        this.sink.end();
        this.#done();
        return;
      }
      if (latencyMs > 0 && step.type !== 'done') await this.#sleep(latencyMs);
      if (this.#closed) return;
      this.sink.write(`${prefix}${eventData(step)}\n\n`);
    }
  }

  #respondWhole(steps: readonly HttpStep[], context: Parameters<typeof completionOf>[1]): void {
    const fault = steps.find(
      (step) =>
        step.type === 'business-error' ||
        step.type === 'raw' ||
        step.type === 'drop' ||
        step.type === 'stall',
    );
    switch (fault?.type) {
      case 'drop':
        this.#drop();
        return;
      case 'stall':
        return;
      case 'business-error':
        this.#businessError(fault.data);
        return;
      case 'raw':
        // A malformed chunk (or scripted `frames`) becomes the whole body, sent verbatim.
        this.#send(200, JSON_HEADERS, fault.text);
        return;
    }
    this.#send(200, JSON_HEADERS, JSON.stringify(completionOf(steps, context)));
  }

  #businessError(error: SparkErrorFrameSpec): void {
    if (this.#finished || this.#closed) return;
    this.#send(
      200,
      JSON_HEADERS,
      JSON.stringify({ code: error.code, message: error.message, sid: this.#sid }),
    );
  }

  #refuse(input: ChatCompletionsInput, model: string, rejection: HandshakeRejection): void {
    this.engine.recordRefusal(input.path, model, input.url, rejection.status, 'http');
    const body =
      typeof rejection.body === 'string' ? rejection.body : JSON.stringify(rejection.body ?? { message: '' });
    this.#send(rejection.status, { ...JSON_HEADERS, ...rejection.headers }, body);
  }

  #send(status: number, headers: Record<string, string>, body: string): void {
    if (this.#finished || this.#closed) return;
    this.sink.respond(status, headers, body);
    this.#done();
  }

  #drop(): void {
    if (this.#finished || this.#closed) return;
    this.sink.destroy();
    this.#done();
  }

  #done(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.engine.httpExchangeClosed();
  }

  #sleep(milliseconds: number): Promise<void> {
    return new Promise((resolve) => {
      this.#wake = resolve;
      this.#timer = setTimeout(resolve, milliseconds);
    });
  }
}

function eventData(step: HttpStep): string {
  switch (step.type) {
    case 'chunk':
    case 'business-error':
      return JSON.stringify(step.data);
    case 'raw':
      return step.text;
    default:
      return '[DONE]';
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A best-effort request for scenarios that skip validation: whatever messages the body has. */
function looseRequest(body: unknown, model: string): ChatCompletionRequest {
  const root =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  const messages = Array.isArray(root.messages)
    ? root.messages.map((item) => {
        const message = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
        return { role: String(message.role ?? 'user'), content: String(message.content ?? '') };
      })
    : [];
  return {
    appId: '',
    domain: model,
    messages,
    functions: [],
    frame: root,
    stream: root.stream === true,
    toolCallsSwitch: root.tool_calls_switch === true,
  };
}
