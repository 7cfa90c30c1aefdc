/** The request frame shape the tests send and tweak. */
export interface TestRequestFrame {
  header: Record<string, unknown>;
  parameter: { chat: Record<string, unknown> };
  payload: { message: { text: unknown }; [key: string]: unknown };
}

/** Builds a request frame in the documented wire shape, with overrides merged in. */
export function requestFrame(options: {
  appId: string;
  domain: string;
  messages?: { role: string; content: string }[];
  chat?: Record<string, unknown>;
  payload?: Record<string, unknown>;
}): TestRequestFrame {
  return {
    header: { app_id: options.appId, uid: 'test-user' },
    parameter: { chat: { domain: options.domain, temperature: 0.5, max_tokens: 1024, ...options.chat } },
    payload: {
      message: { text: options.messages ?? [{ role: 'user', content: '你好，介绍一下星火大模型' }] },
      ...options.payload,
    },
  };
}
