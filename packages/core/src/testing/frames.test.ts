import { describe, expect, it } from 'vitest';
import { SparkPermissionError } from '../errors';
import { decodeFrame } from '../protocol/websocket/decode-frame';
import {
  answerFrames,
  errorFrame,
  functionCallFrame,
  searchResultsFrame,
  TEST_SID,
  textFrame,
} from './frames';

const decodeAll = (frames: unknown[]) => frames.map((frame) => decodeFrame(JSON.stringify(frame)));

describe('frame builders', () => {
  it('builds a streamed answer with status 0 → 1 → 2, increasing seq and usage on the last frame', () => {
    const frames = answerFrames('一二三四五六七', { chunkSize: 3, sid: 'sid-x' });
    const decoded = decodeAll(frames);

    expect(decoded.map((frame) => frame.status)).toEqual([0, 1, 2]);
    expect(decoded.map((frame) => frame.seq)).toEqual([0, 1, 2]);
    expect(decoded.map((frame) => frame.text)).toEqual(['一二三', '四五六', '七']);
    expect(decoded.every((frame) => frame.sid === 'sid-x')).toBe(true);
    expect(decoded.slice(0, 2).every((frame) => frame.usage === undefined)).toBe(true);
    expect(decoded[2]?.usage).toEqual({ promptTokens: 5, completionTokens: 3, totalTokens: 8 });
    expect(frames[2]?.payload?.choices).toMatchObject({ status: 2 });
  });

  it('puts a one-chunk answer in a single final frame and accepts explicit chunks and usage', () => {
    expect(decodeAll(answerFrames('短')).map((frame) => [frame.status, frame.text])).toEqual([[2, '短']]);
    const decoded = decodeAll(answerFrames(['a', 'b'], { usage: { promptTokens: 7, completionTokens: 9 } }));
    expect(decoded.map((frame) => frame.text)).toEqual(['a', 'b']);
    expect(decoded[1]?.usage).toEqual({ promptTokens: 7, completionTokens: 9, totalTokens: 16 });
  });

  it('streams reasoning before the answer', () => {
    const decoded = decodeAll(answerFrames('答', { reasoning: ['想', '完'] }));
    expect(decoded.map((frame) => [frame.reasoning, frame.text])).toEqual([
      ['想', ''],
      ['完', ''],
      ['', '答'],
    ]);
  });

  it('builds function-call, search-results, text and error frames that decode as Spark frames', () => {
    const [call] = decodeAll([functionCallFrame('f', { x: 1 })]);
    expect(call).toMatchObject({ status: 2, functionCall: { name: 'f', parsedArguments: { x: 1 } } });
    expect(decodeAll([functionCallFrame('f', '{bad')])[0]?.functionCall?.parseError).toBeTruthy();

    const [search] = decodeAll([searchResultsFrame([{ url: 'https://a.example/', title: 'A' }])]);
    expect(search).toMatchObject({
      status: 1,
      seq: -1,
      searchResults: [{ index: 1, url: 'https://a.example/', title: 'A' }],
    });

    expect(decodeAll([textFrame('t', { status: 1, seq: 4 })])[0]).toMatchObject({
      status: 1,
      seq: 4,
      text: 't',
      sid: TEST_SID,
    });

    expect(() => decodeFrame(JSON.stringify(errorFrame(11200, 'AppIdNoAuthError')))).toThrow(
      SparkPermissionError,
    );
  });
});
