/**
 * The three core micro-benchmarks, each against the built `@xinghuo/core` package.
 */
import { type ChatMessage, signUrl, trimHistory } from '@xinghuo/core';
import { decodeFrame } from '@xinghuo/core/websocket';
import { compare, consume, type Timing, time } from '../harness';
import { REALISTIC_FRAMES } from './frames';

/** decodeFrame against the floor it cannot beat: a bare `JSON.parse` of the same frames. */
export async function benchmarkDecodeFrame() {
  const frames = REALISTIC_FRAMES;
  let cursor = 0;
  const decode = (count: number) => {
    let characters = 0;
    for (let index = 0; index < count; index++) {
      const frame = decodeFrame(frames[cursor]!);
      characters += frame.text.length;
      cursor = cursor + 1 === frames.length ? 0 : cursor + 1;
    }
    consume(characters);
  };
  const parse = (count: number) => {
    let keys = 0;
    for (let index = 0; index < count; index++) {
      const value = JSON.parse(frames[cursor]!) as { header: unknown };
      if (value.header) keys++;
      cursor = cursor + 1 === frames.length ? 0 : cursor + 1;
    }
    consume(keys);
  };
  const { subject, reference, ratio } = await compare(decode, parse);
  return {
    frames: frames.length,
    averageFrameBytes: Math.round(frames.reduce((sum, frame) => sum + frame.length, 0) / frames.length),
    decodeFrameOpsPerSecond: subject.opsPerSecond,
    jsonParseOpsPerSecond: reference.opsPerSecond,
    decodeFrameNsPerFrame: subject.nsPerOp,
    jsonParseNsPerFrame: reference.nsPerOp,
    /** Goal ≥ 0.8: decodeFrame keeps at least 80 % of raw JSON.parse throughput. */
    throughputRatioVsJsonParse: ratio,
  };
}

/** signUrl with the imported HMAC key already cached (the steady state of a client). */
export async function benchmarkSignUrl() {
  const credentials = {
    apiKey: 'addd2272b6d8b7c8abdd79531420ca3b',
    apiSecret: 'MjlmNzkzNmZkMDQ2OTc0ZDdmNGE2ZTZi',
  };
  const url = 'wss://spark-api.xf-yun.com/v3.5/chat';
  const timing = await time(async (count) => {
    // A few signatures in flight at once, as a busy server would have.
    for (let index = 0; index < count; index += 8) {
      const batch = Math.min(8, count - index);
      consume(await Promise.all(Array.from({ length: batch }, () => signUrl(url, credentials))));
    }
  });
  return {
    signUrlOpsPerSecond: timing.opsPerSecond,
    signUrlMicrosecondsPerOp: Math.round(timing.nsPerOp / 10) / 100,
  };
}

function history(size: number): ChatMessage[] {
  const messages: ChatMessage[] = [{ role: 'system', content: '你是一个乐于助人的助手。Answer briefly.' }];
  for (let index = 1; index < size - 1; index += 2) {
    messages.push({
      role: 'user',
      content: `第${index}个问题：TypeScript 的类型推断是怎样工作的？ question ${index}`,
    });
    messages.push({
      role: 'assistant',
      content: `回答${index}：编译器根据初始值和上下文推断类型。The compiler infers types from initializers and context.`,
    });
  }
  messages.push({ role: 'user', content: '最后一个问题：请总结一下。' });
  return messages;
}

/** trimHistory at growing sizes: the time per message must stay flat (O(n)). */
export async function benchmarkTrimHistory(sizes: readonly number[] = [10, 1_000, 100_000]) {
  const results: {
    messages: number;
    callsPerSecond: number;
    microsecondsPerCall: number;
    nsPerMessage: number;
  }[] = [];
  for (const size of sizes) {
    const messages = history(size);
    const timing: Timing = await time((count) => {
      for (let index = 0; index < count; index++) consume(trimHistory(messages, 'lite'));
    });
    results.push({
      messages: messages.length,
      callsPerSecond: timing.opsPerSecond,
      microsecondsPerCall: Math.round(timing.nsPerOp / 10) / 100,
      nsPerMessage: Math.round((timing.nsPerOp / messages.length) * 10) / 10,
    });
  }
  const perMessage = (count: number) =>
    results.find((result) => result.messages >= count * 0.99)?.nsPerMessage ?? 0;
  const largest = results.at(-1)!;
  return {
    sizes: results,
    /** ns per message at the largest size / at 1,000 messages; ≈ 1 for linear cost. */
    linearityRatio: Math.round((largest.nsPerMessage / perMessage(1_000)) * 1000) / 1000,
  };
}
