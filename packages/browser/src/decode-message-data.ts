/**
 * Turns the `data` of a WebSocket `message` event into text.
 *
 * Spark sends JSON text frames, but proxies and some runtimes deliver them as binary (a `Blob` in a
 * browser whose `binaryType` could not be changed, an `ArrayBuffer`, or a `Uint8Array` such as a Node
 * `Buffer`). All of them are decoded as UTF-8. Anything else is a protocol violation of the platform
 * and yields `undefined`.
 */
export async function decodeMessageData(data: unknown): Promise<string | undefined> {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return utf8.decode(data);
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.text();
  return undefined;
}

const utf8 = new TextDecoder('utf-8');
