import { describe, expect, it } from 'vitest';
import { decodeMessageData } from './decode-message-data';

const encoded = new TextEncoder().encode('{"content":"你好，星火"}');

describe('decodeMessageData', () => {
  it('returns text frames unchanged', async () => {
    expect(await decodeMessageData('{"a":1}')).toBe('{"a":1}');
  });

  it('decodes ArrayBuffer, typed arrays and Blob as UTF-8', async () => {
    const buffer = encoded.buffer.slice(encoded.byteOffset, encoded.byteOffset + encoded.byteLength);
    expect(await decodeMessageData(buffer)).toBe('{"content":"你好，星火"}');
    expect(await decodeMessageData(encoded)).toBe('{"content":"你好，星火"}');
    expect(await decodeMessageData(new DataView(buffer))).toBe('{"content":"你好，星火"}');
    expect(await decodeMessageData(new Blob([encoded]))).toBe('{"content":"你好，星火"}');
  });

  it('returns undefined for data that is not a frame', async () => {
    expect(await decodeMessageData(42)).toBeUndefined();
    expect(await decodeMessageData(undefined)).toBeUndefined();
  });
});
