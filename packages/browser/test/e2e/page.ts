/**
 * The end-to-end page: a tiny app over @xinghuo/browser, bundled by esbuild when the test runs.
 * Model output is written with `textContent`, never as HTML.
 */
import { createSignedUrlFetcher, createSparkClient, SparkError } from '@xinghuo/browser';

const appId = new URLSearchParams(location.search).get('appId') ?? '';
const signUrl = createSignedUrlFetcher({ endpoint: '/api/spark/sign' });
const client = createSparkClient({ appId, signUrl, maxRetries: 0 });
// One retry, so a refused handshake shows that every attempt asks for a fresh signed URL.
const retryingClient = createSparkClient({ appId, signUrl, maxRetries: 1 });
const messages = [{ role: 'user' as const, content: '你好，星火' }];

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`missing #${id}`);
  return found;
}

function describeError(error: unknown): string {
  if (SparkError.isInstance(error)) return `${error.name} [${error.code}]`;
  return error instanceof Error ? error.name : 'unknown error';
}

element('stream-start').addEventListener('click', async () => {
  const output = element('stream-output');
  const status = element('stream-status');
  let deltas = 0;
  status.textContent = 'streaming';
  try {
    const stream = client.stream({ model: 'lite', messages });
    for await (const text of stream.textStream) {
      deltas += 1;
      output.textContent += text;
      element('stream-deltas').textContent = String(deltas);
    }
    const result = await stream.finalResult();
    element('stream-final').textContent = result.text;
    status.textContent = 'done';
  } catch (error) {
    status.textContent = `failed: ${describeError(error)}`;
  }
});

element('abort-start').addEventListener('click', async () => {
  const output = element('abort-output');
  const status = element('abort-status');
  const controller = new AbortController();
  status.textContent = 'streaming';
  try {
    const stream = client.stream({ model: 'lite', messages }, { signal: controller.signal });
    for await (const text of stream.textStream) {
      output.textContent += text;
      controller.abort();
    }
    status.textContent = 'finished without abort';
  } catch (error) {
    status.textContent = `stopped: ${describeError(error)}`;
  }
});

element('refused-start').addEventListener('click', async () => {
  const status = element('refused-status');
  status.textContent = 'calling';
  try {
    await retryingClient.chat({ model: 'lite', messages });
    status.textContent = 'unexpectedly answered';
  } catch (error) {
    status.textContent = `failed: ${describeError(error)}`;
    element('refused-error').textContent = error instanceof Error ? error.message : String(error);
  }
});

// HTTP through the app's relay: a path relative to the page, the app's own session as the header the
// relay's `authorize` checks, and no Spark credential anywhere in the page.
const relayClient = createSparkClient({
  relayURL: '/api/spark',
  headers: { authorization: 'Bearer e2e-session' },
  maxRetries: 0,
});

element('relay-start').addEventListener('click', async () => {
  const output = element('relay-output');
  const status = element('relay-status');
  let deltas = 0;
  status.textContent = 'streaming';
  try {
    const stream = relayClient.stream({ model: 'lite', messages });
    for await (const text of stream.textStream) {
      deltas += 1;
      output.textContent += text;
      element('relay-deltas').textContent = String(deltas);
    }
    const result = await stream.finalResult();
    status.textContent = `done (${relayClient.protocol}, ${result.finishReason})`;
  } catch (error) {
    status.textContent = `failed: ${describeError(error)}`;
  }
});

element('worker-start').addEventListener('click', () => {
  const output = element('worker-output');
  const status = element('worker-status');
  status.textContent = 'streaming';
  const worker = new Worker('/worker.js', { type: 'module' });
  worker.addEventListener(
    'message',
    (event: MessageEvent<{ type: string; text: string; hasWindow?: boolean }>) => {
      const { type, text } = event.data;
      if (type === 'delta') output.textContent += text;
      else {
        status.textContent =
          type === 'done' ? `done (window in worker: ${String(event.data.hasWindow)})` : `failed: ${text}`;
        worker.terminate();
      }
    },
  );
  worker.postMessage({ appId, prompt: '你好，工作线程' });
});

document.body.dataset.ready = 'true';
