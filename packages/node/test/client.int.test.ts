import {
  type ChatResult,
  SparkAbortError,
  SparkAuthError,
  SparkConnectionError,
  SparkContentFilterError,
  SparkContextLengthError,
  SparkError,
  SparkInvalidRequestError,
  SparkPermissionError,
  SparkProtocolError,
  SparkQuotaError,
  SparkRateLimitError,
  SparkServerError,
  SparkTimeoutError,
} from '@xinghuo/core';
import type { MockSpark } from '@xinghuo/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSparkClient } from '../src/index';
import { HELLO, mockClient, startMock } from './helpers';
import { eventually, startRawServer } from './loopback-servers';

let mock: MockSpark;

beforeAll(async () => {
  mock = await startMock();
});
afterEach(() => mock.reset());
afterAll(async () => {
  // Every fault path above must have released its socket.
  expect(await eventually(() => mock.openSockets() === 0)).toBe(true);
  await mock.close();
});

async function failure(promise: Promise<unknown>): Promise<SparkError> {
  try {
    await promise;
  } catch (error) {
    expect(SparkError.isInstance(error)).toBe(true);
    const sparkError = error as SparkError;
    const text = `${sparkError.message} ${sparkError.toString()} ${JSON.stringify(sparkError)}`;
    expect(text).not.toContain(mock.credentials.apiSecret);
    expect(text).not.toContain('YXBpX2tleT0i');
    return sparkError;
  }
  throw new Error('expected the request to fail');
}

describe('createSparkClient over ws against the mock server', () => {
  it('answers a chat with text, usage, sid and model', async () => {
    const result = await mockClient(mock).chat({ model: 'max', messages: HELLO });
    expect(result.text).toContain('你好');
    expect(result.usage.totalTokens).toBe(result.usage.promptTokens + result.usage.completionTokens);
    expect(result.sid).toMatch(/^cht/);
    expect(result.model).toBe('generalv3.5');
    expect(result.finishReason).toBe('stop');
    expect(mock.requests[0]?.path).toBe('/v3.5/chat');
  });

  it('streams text deltas that add up to the final text, then ends', async () => {
    mock.enqueue({
      text: '一二三四五六七八九十 and some English words to make several frames',
      chunkChars: 4,
    });
    const stream = mockClient(mock).stream({ model: 'lite', messages: HELLO });
    const deltas: string[] = [];
    let ended: ChatResult | undefined;
    for await (const event of stream) {
      if (event.type === 'text-delta') deltas.push(event.text);
      if (event.type === 'end') ended = event.result;
    }
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe('一二三四五六七八九十 and some English words to make several frames');
    expect(ended?.text).toBe(deltas.join(''));
  });

  it('reads credentials, base URL and model from the env option', async () => {
    const client = createSparkClient({
      env: {
        SPARK_APP_ID: mock.credentials.appId,
        SPARK_API_KEY: mock.credentials.apiKey,
        SPARK_API_SECRET: mock.credentials.apiSecret,
        SPARK_BASE_URL: mock.url,
        SPARK_MODEL: 'pro-128k',
      },
    });
    const result = await client.chat({ messages: HELLO });
    expect(result.model).toBe('pro-128k');
    expect(mock.requests[0]?.path).toBe('/chat/pro-128k');
  });

  it('aborts mid-stream: the stream rejects with SparkAbortError and the socket closes', async () => {
    mock.enqueue({ text: '很长的回答'.repeat(40), chunkChars: 2, latencyMs: 20 });
    const controller = new AbortController();
    const stream = mockClient(mock).stream({ messages: HELLO }, { signal: controller.signal });
    let deltas = 0;
    const reading = (async () => {
      for await (const event of stream) {
        if (event.type === 'text-delta' && ++deltas === 2) controller.abort();
      }
    })();
    await expect(reading).rejects.toBeInstanceOf(SparkAbortError);
    expect(await eventually(() => mock.openSockets() === 0)).toBe(true);
  });

  it('closes the socket when the consumer breaks out of for await', async () => {
    mock.enqueue({ text: '很长的回答'.repeat(40), chunkChars: 2, latencyMs: 20 });
    const stream = mockClient(mock).stream({ messages: HELLO });
    for await (const event of stream) {
      if (event.type === 'text-delta') break;
    }
    expect(await eventually(() => mock.openSockets() === 0)).toBe(true);
  });

  it('retries a retryable error frame and then succeeds', async () => {
    mock.enqueue({ error: { code: 10010, message: 'RecvFromEngineError:Engine Busy' } });
    const result = await mockClient(mock).chat({ messages: HELLO });
    expect(result.text.length).toBeGreaterThan(0);
    expect(mock.requests).toHaveLength(2);
  });

  it('retries a dropped connection and then succeeds', async () => {
    mock.enqueue({ drop: { afterFrames: 0 } });
    const result = await mockClient(mock).chat({ messages: HELLO });
    expect(result.text.length).toBeGreaterThan(0);
    expect(mock.requests).toHaveLength(2);
  });

  it('learns the server clock from a 403 and recovers from clock skew', async () => {
    const skewed = await startMock({ now: () => new Date(Date.now() + 20 * 60_000) });
    try {
      const result = await mockClient(skewed).chat({ messages: HELLO });
      expect(result.text.length).toBeGreaterThan(0);
      expect(skewed.connections.map((connection) => connection.status)).toEqual([403, 101]);
    } finally {
      await skewed.close();
    }
  });

  describe('handshake refusals', () => {
    it('reports a wrong secret as SparkAuthError (401) without retrying', async () => {
      const client = mockClient(mock, { apiSecret: 'wrong-secret-wrong-secret-000000' });
      const error = await failure(client.chat({ messages: HELLO }));
      expect(error).toBeInstanceOf(SparkAuthError);
      expect(error.status).toBe(401);
      expect(error.message).toContain('HMAC signature does not match');
      expect(error.message).not.toContain('wrong-secret-wrong-secret-000000');
      expect(mock.connections).toHaveLength(1);
    });

    it('keeps the API key out of the message when the gateway quotes it in its refusal', async () => {
      const apiKey = mock.credentials.apiKey;
      mock.enqueue({ reject: { status: 401, body: { message: `api key ${apiKey} is not allowed` } } });
      const error = await failure(mockClient(mock).chat({ messages: HELLO }));
      expect(error).toBeInstanceOf(SparkAuthError);
      expect(error.message).toContain('api key [REDACTED] is not allowed');
      expect(JSON.stringify(error.toJSON())).not.toContain(apiKey);
    });

    it('reports a scripted 403 as a clock-skew failure when the clock cannot be fixed', async () => {
      const rejection = {
        status: 403,
        body: {
          message:
            'HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication',
        },
      };
      mock.use({ handshake: () => rejection });
      const error = await failure(mockClient(mock).chat({ messages: HELLO }));
      expect(error.code).toBe('clock_skew');
      expect(error.status).toBe(403);
    });
  });

  describe('error frames map to typed errors', () => {
    const cases = [
      { code: 10005, type: SparkInvalidRequestError },
      { code: 10013, type: SparkContentFilterError },
      { code: 10907, type: SparkContextLengthError },
      { code: 11200, type: SparkPermissionError },
      { code: 10016, type: SparkPermissionError },
      { code: 11201, type: SparkQuotaError },
      { code: 11202, type: SparkRateLimitError },
      { code: 10007, type: SparkRateLimitError },
      { code: 10222, type: SparkServerError },
      { code: 10008, type: SparkServerError },
    ] as const;
    for (const { code, type } of cases) {
      it(`maps Spark code ${code} to ${type.name} with code and sid`, async () => {
        mock.enqueue({ error: { code, message: `Scripted:${code}` } });
        const error = await failure(mockClient(mock, { maxRetries: 0 }).chat({ messages: HELLO }));
        expect(error).toBeInstanceOf(type);
        expect(error.sparkCode).toBe(code);
        expect(error.sid).toMatch(/^cht/);
      });
    }

    it('keeps the partial text of a mid-stream output moderation error (10014)', async () => {
      mock.enqueue({
        text: '第一段。第二段。第三段。',
        chunkChars: 3,
        error: { code: 10014, afterFrames: 2 },
      });
      const error = (await failure(mockClient(mock).chat({ messages: HELLO }))) as SparkContentFilterError;
      expect(error).toBeInstanceOf(SparkContentFilterError);
      expect(error.stage).toBe('output');
      expect(error.partialText).toBe('第一段。第二');
      expect(mock.requests).toHaveLength(1);
    });

    it('reports a malformed frame as SparkProtocolError', async () => {
      mock.enqueue({ malformed: { afterFrames: 1, raw: '{not json' } });
      expect(await failure(mockClient(mock).chat({ messages: HELLO }))).toBeInstanceOf(SparkProtocolError);
    });

    it('reports a connection dropped twice over as SparkConnectionError after its retries', async () => {
      mock.enqueue({ drop: { afterFrames: 0 } }, { drop: { afterFrames: 0 } });
      const error = await failure(mockClient(mock, { maxRetries: 1 }).chat({ messages: HELLO }));
      expect(error).toBeInstanceOf(SparkConnectionError);
      expect(mock.requests).toHaveLength(2);
    });

    it('rejects an invalid request before any network I/O', async () => {
      const error = await failure(mockClient(mock).chat({ messages: HELLO, temperature: 5 }));
      expect(error).toBeInstanceOf(SparkInvalidRequestError);
      expect(mock.connections).toHaveLength(0);
    });
  });

  describe('timeouts', () => {
    it('times out a handshake that never completes (connect)', async () => {
      const silent = await startRawServer('silent');
      try {
        const client = mockClient(mock, {
          baseURL: `ws://127.0.0.1:${silent.port}`,
          timeouts: { connectMs: 150 },
          maxRetries: 0,
        });
        const error = (await failure(client.chat({ messages: HELLO }))) as SparkTimeoutError;
        expect(error).toBeInstanceOf(SparkTimeoutError);
        expect(error.phase).toBe('connect');
        expect(await eventually(() => silent.openSockets() === 0)).toBe(true);
      } finally {
        await silent.close();
      }
    });

    it('times out when no frame arrives (first-token)', async () => {
      mock.enqueue({ stall: { afterFrames: 0 } });
      const client = mockClient(mock, { timeouts: { firstTokenMs: 150 }, maxRetries: 0 });
      const error = (await failure(client.chat({ messages: HELLO }))) as SparkTimeoutError;
      expect(error.phase).toBe('first-token');
      expect(await eventually(() => mock.openSockets() === 0)).toBe(true);
    });

    it('times out when the stream stalls mid-answer (idle)', async () => {
      mock.enqueue({ stall: { afterFrames: 2 } });
      const client = mockClient(mock, { timeouts: { idleMs: 150 }, maxRetries: 0 });
      const error = (await failure(client.chat({ messages: HELLO }))) as SparkTimeoutError;
      expect(error.phase).toBe('idle');
      expect(await eventually(() => mock.openSockets() === 0)).toBe(true);
    });

    it('times out a slow answer as a whole (total)', async () => {
      mock.enqueue({ text: '慢'.repeat(50), chunkChars: 1, latencyMs: 30 });
      const client = mockClient(mock, { timeouts: { totalMs: 200 } });
      const error = (await failure(client.chat({ messages: HELLO }))) as SparkTimeoutError;
      expect(error.phase).toBe('total');
      expect(error.retryable).toBe(false);
      expect(await eventually(() => mock.openSockets() === 0)).toBe(true);
    });
  });
});
