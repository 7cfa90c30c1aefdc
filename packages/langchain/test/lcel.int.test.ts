import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test-support/eventually';
import { toSparkFunctions } from '../src/index';
import { mockModel, receivedMessages } from './helpers/mock-model';

const getMock = useMockSpark();

afterEach(async () => {
  expect(await eventually(() => getMock().openSockets() === 0)).toBe(true);
});

const prompt = ChatPromptTemplate.fromMessages([
  ['system', '你是{city}的导游，回答要简短。'],
  ['human', '{question}'],
]);

describe('an LCEL chain: prompt | ChatSpark | StringOutputParser', () => {
  it('streams strings from the mock, and they join to the invoked answer', async () => {
    const mock = getMock();
    const chain = prompt.pipe(mockModel(mock)).pipe(new StringOutputParser());
    const input = { city: '合肥', question: '有什么好吃的？' };
    const pieces: string[] = [];
    for await (const piece of await chain.stream(input)) pieces.push(piece);
    expect(pieces.filter((piece) => piece !== '').length).toBeGreaterThan(1);
    const invoked = await chain.invoke(input);
    expect(pieces.join('')).toBe(invoked);
    expect(receivedMessages(mock, 0)).toEqual([
      { role: 'system', content: '你是合肥的导游，回答要简短。' },
      { role: 'user', content: '有什么好吃的？' },
    ]);
  });

  it('emits chat model stream events through streamEvents', async () => {
    const mock = getMock();
    const chain = prompt.pipe(mockModel(mock)).pipe(new StringOutputParser());
    let modelChunks = 0;
    for await (const event of chain.streamEvents({ city: '黄山', question: '怎么去？' }, { version: 'v2' })) {
      if (event.event === 'on_chat_model_stream') modelChunks++;
    }
    expect(modelChunks).toBeGreaterThan(1);
  });

  it('supports the content-block streamEvents protocol, tool calls included', async () => {
    const mock = getMock();
    mock.enqueue({ functionCall: { name: 'lookup', arguments: { term: '合肥' } } });
    const tools = toSparkFunctions([
      {
        name: 'lookup',
        description: 'Looks a term up',
        parameters: { type: 'object', properties: { term: { type: 'string' } } },
      },
    ]);
    const stream = mockModel(mock).streamEvents('查一下合肥', { tools });
    const kinds: string[] = [];
    for await (const event of stream) kinds.push(event.event);
    expect(kinds[0]).toBe('message-start');
    expect(kinds.at(-1)).toBe('message-finish');
    const message = await stream;
    expect(message.tool_calls).toMatchObject([{ name: 'lookup', args: { term: '合肥' } }]);
  });
});
