/**
 * A module web worker for the end-to-end page: the same client with no `window` and no DOM. It streams
 * one answer and posts each delta, then the final text (or the error), back to the page.
 */
import { createSignedUrlFetcher, createSparkClient, SparkError } from '@xinghuo/browser';

type WorkerRequest = { appId: string; prompt: string };

self.addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
  const { appId, prompt } = event.data;
  try {
    const client = createSparkClient({
      appId,
      signUrl: createSignedUrlFetcher({ endpoint: '/api/spark/sign' }),
      maxRetries: 0,
    });
    const stream = client.stream({ model: 'lite', messages: [{ role: 'user', content: prompt }] });
    for await (const text of stream.textStream) self.postMessage({ type: 'delta', text });
    const result = await stream.finalResult();
    self.postMessage({ type: 'done', text: result.text, hasWindow: typeof window !== 'undefined' });
  } catch (error) {
    const name = SparkError.isInstance(error) ? `${error.name} [${error.code}]` : String(error);
    self.postMessage({ type: 'failed', text: name });
  }
});
