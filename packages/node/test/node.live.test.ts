/**
 * Against the real Spark API. Runs only through `npm run test:live -w @xinghuo/node` and only with
 * SPARK_APP_ID, SPARK_API_KEY and SPARK_API_SECRET set (SPARK_MODEL picks the model, default `lite`).
 */
import { describe, expect, it } from 'vitest';
import { createSparkClient, SparkAuthError } from '../src/index';
import { runCli } from './run-cli';

const hasCredentials = Boolean(
  process.env.SPARK_APP_ID && process.env.SPARK_API_KEY && process.env.SPARK_API_SECRET,
);
const model = process.env.SPARK_MODEL ?? 'lite';

describe.runIf(hasCredentials)('@xinghuo/node against the real Spark API', () => {
  it('answers over the ws transport with usage and a sid', async () => {
    const result = await createSparkClient({ defaultModel: model }).chat({
      messages: [{ role: 'user', content: '用一句话介绍合肥。' }],
    });
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.usage.totalTokens).toBeGreaterThan(0);
    expect(result.sid).toBeTruthy();
  });

  it('reports a wrong secret as SparkAuthError with the gateway status', async () => {
    const client = createSparkClient({ defaultModel: model, apiSecret: 'wrong-secret-wrong-secret-000000' });
    await expect(client.chat({ messages: [{ role: 'user', content: '你好' }] })).rejects.toBeInstanceOf(
      SparkAuthError,
    );
  });

  it('passes xinghuo doctor', async () => {
    const run = await runCli(['doctor'], {
      env: Object.fromEntries(
        Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ),
      timeoutMs: 30_000,
    });
    expect(run.code, run.stdout).toBe(0);
  });
});
