import { describe, expect, it } from 'vitest';
import { DEFAULT_API_PASSWORD, recordedHttpBody } from '../src/index.js';
import { postChat } from './helpers/http-client.js';
import { converse } from './helpers/raw-client.js';
import { requestFrame } from './helpers/request-frame.js';
import { signTestUrl } from './helpers/sign-url.js';
import { useQuietMockSpark } from './helpers/use-quiet-mock.js';

const PASSWORD = `Bearer ${DEFAULT_API_PASSWORD}`;

describe('recordedHttpBody', () => {
  const spark = useQuietMockSpark();
  const url = () => `${spark().httpURL}/v1/chat/completions`;

  it('reads back the JSON body a client sent, with the wire field names', async () => {
    const sent = {
      model: 'generalv3.5',
      stream: true,
      tool_choice: 'auto',
      messages: [
        { role: 'user', content: '北京天气？' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '晴' },
      ],
      tools: [{ type: 'function', function: { name: 'weather', parameters: { type: 'object' } } }],
    };
    const response = await postChat(url(), sent, { authorization: PASSWORD });
    await response.text();
    const body = recordedHttpBody(spark().requests[0]);
    expect(body).toEqual(sent);
    expect(body.messages[1]?.tool_calls?.[0]?.function.name).toBe('weather');
    expect(body.messages[2]?.tool_call_id).toBe('call_1');
  });

  it('also reads a body the mock refused, as long as it is an object with messages', async () => {
    const sent = { model: 'generalv3.5', messages: [{ role: 'user', content: 'hi' }], temperature: 9 };
    const response = await postChat(url(), sent, { authorization: PASSWORD });
    await response.text();
    expect(spark().requests[0]?.error).toBeDefined();
    expect(recordedHttpBody(spark().requests[0])).toEqual(sent);
  });

  it('throws for a missing record, a WebSocket frame and a body without messages', async () => {
    expect(() => recordedHttpBody(spark().requests[0])).toThrow(/no recorded request/);

    const signed = signTestUrl(spark().modelUrl('lite'), spark().credentials);
    await converse(signed, requestFrame({ appId: spark().credentials.appId, domain: 'lite' }));
    expect(() => recordedHttpBody(spark().requests[0])).toThrow(/WebSocket frame, not an HTTP request/);

    for (const text of ['not json', '[]', '{"model":"generalv3.5"}']) {
      const response = await postChat(url(), text, { authorization: PASSWORD });
      await response.text();
    }
    const [, notJson, array, noMessages] = spark().requests;
    expect(notJson?.protocol).toBe('http');
    expect(() => recordedHttpBody(notJson)).toThrow(/did not have a JSON object as its body/);
    expect(() => recordedHttpBody(array)).toThrow(/did not have a JSON object as its body/);
    expect(() => recordedHttpBody(noMessages)).toThrow(/has no messages array/);
  });
});
