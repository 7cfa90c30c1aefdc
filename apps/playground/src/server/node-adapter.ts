import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request bodies of the playground API are tiny JSON objects. */
const MAX_BODY_BYTES = 16 * 1024;

/** A request body larger than the API accepts. */
export class BodyTooLargeError extends Error {
  constructor() {
    super(`Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    this.name = 'BodyTooLargeError';
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Converts a `node:http` request into a Web-standard `Request` (reading a small body when there is one). */
export async function toWebRequest(request: IncomingMessage): Promise<Request> {
  const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = request.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
  const init: RequestInit = { method, headers };
  if (hasBody) init.body = await readBody(request);
  return new Request(url, init);
}

/** Writes a Web-standard `Response` to a `node:http` response. */
export async function sendWebResponse(response: ServerResponse, answer: Response): Promise<void> {
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    headers[name] = value;
  });
  response.writeHead(answer.status, headers);
  response.end(answer.body ? Buffer.from(await answer.arrayBuffer()) : undefined);
}
