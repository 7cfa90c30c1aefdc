/**
 * What the README examples may use without declaring it when they RUN against the mock Spark server:
 * per README, JavaScript source for each name (evaluated in the example's module, top-level `await`
 * allowed). A name the compile preludes (`docs-check-preludes.ts`) declare but that has no runtime value
 * here makes its examples compile-only, and the run report says so.
 *
 * Clients read `SPARK_BASE_URL`, `SPARK_APP_ID`, `SPARK_API_KEY` and `SPARK_API_SECRET`, which the runner
 * points at a mock started for each example.
 */
const nodeClient = "(await import('@xinghuo/node')).createSparkClient({ defaultModel: 'max' })";
const question = "[{ role: 'user' as const, content: '用一句话介绍合肥。' }]";

/** Per README path, relative to the repository root: name → source of its value. */
export const runPreludes: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'packages/core/README.md': {
    client: `(await import('@xinghuo/core')).createSparkClient({
  appId: process.env.SPARK_APP_ID!,
  apiKey: process.env.SPARK_API_KEY!,
  apiSecret: process.env.SPARK_API_SECRET!,
  baseURL: process.env.SPARK_BASE_URL!,
  transport: (await import('@xinghuo/node')).createWsTransport(),
  defaultModel: 'max',
})`,
    messages: question,
    render: '(text: string) => process.stdout.write(text)',
    userPressedStop: 'false',
    expect: "(await import('vitest')).expect",
  },
  'packages/node/README.md': {
    client: nodeClient,
    messages: question,
  },
  'packages/langchain/README.md': {
    model: `new (await import('@xinghuo/langchain')).ChatSpark({
  client: (await import('@xinghuo/node')).createSparkClient(),
  model: 'max',
})`,
    enough: 'false',
  },
  'packages/mock-server/README.md': {
    mock: "await (await import('@xinghuo/mock-server')).startMockSpark()",
  },
};
