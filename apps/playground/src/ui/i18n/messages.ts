/**
 * Every string the playground shows, in English and Chinese. Components read them through
 * `useI18n()`; nothing user-facing is written inline in a component. Data from elsewhere is shown as
 * it comes: model ids, Spark's error meanings from the SDK, SDK error messages, model output.
 */

/** The UI languages. */
export type Language = 'en' | 'zh';

/** The strings of one language; functions for the ones with values in them. */
export interface Messages {
  documentTitle: string;
  subtitle: string;
  modeMock: string;
  modeLive: string;
  appIdTitle: (appId: string) => string;
  newChat: string;
  /** The switch shows the language it switches to, in that language. */
  switchLanguage: string;
  switchLanguageLabel: string;
  serverUnreachable: (message: string) => string;
  connecting: string;
  fixFunctions: string;
  conversationRegion: string;
  settingsRegion: string;
  emptyState: string;
  composerLabel: string;
  composerPlaceholder: string;
  send: string;
  stop: string;
  conversations: string;
  untitled: string;
  deleteConversation: (title: string) => string;
  model: string;
  domain: string;
  context: (size: string) => string;
  output: (size: string) => string;
  capabilities: { system: string; functions: string; webSearch: string; reasoning: string };
  parameters: string;
  temperature: string;
  maxTokens: (max: number) => string;
  topK: string;
  systemPrompt: string;
  systemPromptIgnored: string;
  systemPromptPlaceholder: string;
  webSearch: string;
  webSearchUnsupported: string;
  protocol: string;
  protocolWebSocket: string;
  protocolHttp: string;
  protocolHint: { ws: string; http: string };
  toolResult: (name: string) => string;
  functionCalling: string;
  sendFunctions: string;
  functionDefinitions: string;
  functionCount: (names: readonly string[]) => string;
  mockFaults: string;
  fault: string;
  failNextAnswer: string;
  faultArmed: (label: string) => string;
  faultLabels: Readonly<Record<string, string>>;
  frameInspector: string;
  frameCount: (count: number) => string;
  noExchange: string;
  redactedUrl: string;
  relayUrl: string;
  sent: string;
  received: string;
  status: { streaming: string; stopped: string; error: string };
  trimmed: string;
  reasoning: string;
  modelCalls: string;
  invalidArguments: (error: string) => string;
  sources: string;
  sparkError: string;
  details: string;
  retryable: string;
  stats: {
    tokens: string;
    tokenCounts: (input: number, output: number, total: number) => string;
    firstToken: string;
    speed: string;
    tokensPerSecond: (speed: number) => string;
    total: string;
  };
  budget: (estimated: string, budget: string) => string;
  budgetTrimmed: (count: number) => string;
  budgetTooLong: string;
  remoteImage: (host: string) => string;
  unrenderable: string;
  /** What to do about each SDK error code (`SparkError.code`). */
  errorHints: Readonly<Record<string, string>>;
  errorHintDefault: string;
  errorHintUnexpected: string;
}

const en: Messages = {
  documentTitle: 'xinghuo · Spark playground',
  subtitle: 'Spark playground · 星火',
  modeMock: 'mock mode (offline)',
  modeLive: 'live Spark',
  appIdTitle: (appId) => `app id ${appId}`,
  newChat: 'New chat',
  switchLanguage: '中文',
  switchLanguageLabel: '切换到中文 (switch the interface to Chinese)',
  serverUnreachable: (message) => `The playground server is not reachable: ${message}`,
  connecting: 'Connecting to the playground server…',
  fixFunctions: 'Fix the function definitions first.',
  conversationRegion: 'Conversation',
  settingsRegion: 'Settings',
  emptyState:
    'Ask anything. Try “用三句话介绍合肥” or, with function calling on, “What is the weather in 合肥? Use get_weather.”',
  composerLabel: 'Your message',
  composerPlaceholder: 'Message Spark…  (Enter to send, Shift+Enter for a new line)',
  send: 'Send',
  stop: 'Stop',
  conversations: 'Conversations',
  untitled: 'New chat',
  deleteConversation: (title) => `Delete “${title}”`,
  model: 'Model',
  domain: 'domain',
  context: (size) => `context ${size}`,
  output: (size) => `output ≤ ${size}`,
  capabilities: {
    system: 'system prompt',
    functions: 'functions',
    webSearch: 'web search',
    reasoning: 'reasoning',
  },
  parameters: 'Parameters',
  temperature: 'temperature',
  maxTokens: (max) => `max tokens (1–${max})`,
  topK: 'top_k (1–6)',
  systemPrompt: 'system prompt',
  systemPromptIgnored: ' (this model may ignore it)',
  systemPromptPlaceholder: 'You are a helpful assistant.',
  webSearch: 'web search with source links',
  webSearchUnsupported: ' (not supported by this model)',
  protocol: 'Protocol',
  protocolWebSocket: 'WebSocket',
  protocolHttp: 'HTTP',
  protocolHint: {
    ws: 'A WebSocket to a URL the server signs; the API secret stays on the server.',
    http: 'The OpenAI-compatible API through the server’s relay, which adds the HTTP password. With function calling on, the page runs get_weather and get_current_time and sends the result back.',
  },
  toolResult: (name) => `${name} ran in this page and returned`,
  functionCalling: 'Function calling',
  sendFunctions: 'send these functions',
  functionDefinitions: 'Function definitions (JSON)',
  functionCount: (names) => `${names.length} function${names.length === 1 ? '' : 's'}: ${names.join(', ')}`,
  mockFaults: 'Mock faults',
  fault: 'Fault',
  failNextAnswer: 'Fail next answer',
  faultArmed: (label) => `Armed: the next answer fails with "${label}".`,
  faultLabels: {},
  frameInspector: 'Frame inspector',
  frameCount: (count) => ` ${count} frames`,
  noExchange: ' no exchange yet',
  redactedUrl: 'URL (authorization redacted)',
  relayUrl: 'relay URL (no credential in the page)',
  sent: '→ sent',
  received: '← received',
  status: { streaming: 'streaming…', stopped: 'stopped', error: 'failed' },
  trimmed: 'trimmed from the next request',
  reasoning: 'reasoning',
  modelCalls: 'The model calls',
  invalidArguments: (error) => `The arguments are not valid JSON: ${error}`,
  sources: 'Sources',
  sparkError: 'Spark error',
  details: 'details',
  retryable: ' · retryable',
  stats: {
    tokens: 'tokens',
    tokenCounts: (input, output, total) => `${input} in · ${output} out · ${total} total`,
    firstToken: 'first token',
    speed: 'speed',
    tokensPerSecond: (speed) => `${speed} tokens/s`,
    total: 'total',
  },
  budget: (estimated, budget) => `≈${estimated} / ${budget} input tokens`,
  budgetTrimmed: (count) => ` · ${count} old message${count === 1 ? '' : 's'} trimmed`,
  budgetTooLong: ' · the question alone is too long',
  remoteImage: (host) => `Open image from ${host}`,
  unrenderable: 'This message cannot be shown.',
  errorHints: {
    config_error: 'Check the model and the server configuration (SPARK_* variables).',
    invalid_request: 'Check temperature (0–1], top_k (1–6) and max tokens against the model limits.',
    auth_error:
      'The server signs with SPARK_API_KEY and SPARK_API_SECRET: check that they are right and not swapped.',
    clock_skew: "The signing server's clock is more than 300 s off: fix the system clock.",
    permission_denied:
      'Enable this model for your app id in the iFlytek console, or check its token allowance.',
    quota_exceeded: 'The daily quota is used up; it resets tomorrow or can be raised in the console.',
    rate_limited: 'Too many requests right now: wait a moment and send again.',
    content_filter: 'Content moderation refused this exchange: rephrase the question.',
    context_length_exceeded:
      'The conversation is too long for this model: start a new chat or pick a larger model.',
    server_error: 'A transient Spark failure: sending again usually helps.',
    connection_error: 'The connection failed or closed early: check the network and send again.',
    timeout: 'Spark took too long: send again, or lower max tokens.',
    protocol_error: 'Spark sent a frame the SDK could not read: see the frame inspector.',
    aborted: 'The answer was stopped.',
  },
  errorHintDefault: 'See the error message.',
  errorHintUnexpected: 'An unexpected failure in the page.',
};

const zh: Messages = {
  documentTitle: 'xinghuo · 星火调试台',
  subtitle: '星火调试台 · Spark playground',
  modeMock: '模拟模式（离线）',
  modeLive: '真实星火服务',
  appIdTitle: (appId) => `应用 ID ${appId}`,
  newChat: '新对话',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English (界面切换为英文)',
  serverUnreachable: (message) => `无法连接调试台服务器：${message}`,
  connecting: '正在连接调试台服务器…',
  fixFunctions: '请先修正函数定义。',
  conversationRegion: '对话',
  settingsRegion: '设置',
  emptyState:
    '随便问点什么。试试“用三句话介绍合肥”，或者打开函数调用后问“What is the weather in 合肥? Use get_weather.”',
  composerLabel: '你的消息',
  composerPlaceholder: '给星火发消息…（Enter 发送，Shift+Enter 换行）',
  send: '发送',
  stop: '停止',
  conversations: '对话记录',
  untitled: '新对话',
  deleteConversation: (title) => `删除“${title}”`,
  model: '模型',
  domain: 'domain',
  context: (size) => `上下文 ${size}`,
  output: (size) => `输出 ≤ ${size}`,
  capabilities: { system: '系统提示', functions: '函数调用', webSearch: '联网搜索', reasoning: '深度推理' },
  parameters: '参数',
  temperature: 'temperature（温度）',
  maxTokens: (max) => `max tokens 最大输出（1–${max}）`,
  topK: 'top_k（1–6）',
  systemPrompt: '系统提示',
  systemPromptIgnored: '（该模型可能忽略）',
  systemPromptPlaceholder: '你是一个乐于助人的助手。',
  webSearch: '联网搜索并显示来源链接',
  webSearchUnsupported: '（该模型不支持）',
  protocol: '协议',
  protocolWebSocket: 'WebSocket',
  protocolHttp: 'HTTP',
  protocolHint: {
    ws: '通过服务器签名的 URL 建立 WebSocket 连接；API 密钥只留在服务器上。',
    http: '通过服务器上的中继调用兼容 OpenAI 的 HTTP 接口，由中继添加 HTTP 密码。打开函数调用后，页面会执行 get_weather 和 get_current_time 并把结果发回给模型。',
  },
  toolResult: (name) => `${name} 已在本页面执行，返回结果`,
  functionCalling: '函数调用',
  sendFunctions: '发送这些函数定义',
  functionDefinitions: '函数定义（JSON）',
  functionCount: (names) => `${names.length} 个函数：${names.join('、')}`,
  mockFaults: '模拟故障',
  fault: '故障',
  failNextAnswer: '让下一次回答失败',
  faultArmed: (label) => `已设置：下一次回答将以“${label}”失败。`,
  faultLabels: {
    'input-moderation': '10013 输入未通过内容审核',
    'output-moderation': '10014 输出在中途被审核拦截',
    'context-length': '10907 对话过长',
    'no-authorization': '11200 该应用 ID 未开通此模型',
    'daily-quota': '11201 超出每日额度',
    'engine-busy': '10110 引擎繁忙（SDK 会自动重试）',
    drop: '回答中途连接断开',
    malformed: '格式错误的数据帧',
  },
  frameInspector: '数据帧查看器',
  frameCount: (count) => ` ${count} 帧`,
  noExchange: ' 暂无交互',
  redactedUrl: 'URL（authorization 已隐去）',
  relayUrl: '中继 URL（页面中没有任何凭证）',
  sent: '→ 发送',
  received: '← 接收',
  status: { streaming: '生成中…', stopped: '已停止', error: '失败' },
  trimmed: '下次请求时将被裁剪',
  reasoning: '推理过程',
  modelCalls: '模型调用了',
  invalidArguments: (error) => `参数不是合法的 JSON：${error}`,
  sources: '来源',
  sparkError: '星火错误',
  details: '详情',
  retryable: ' · 可重试',
  stats: {
    tokens: 'tokens',
    tokenCounts: (input, output, total) => `输入 ${input} · 输出 ${output} · 共 ${total}`,
    firstToken: '首字',
    speed: '速度',
    tokensPerSecond: (speed) => `${speed} tokens/秒`,
    total: '总耗时',
  },
  budget: (estimated, budget) => `输入约 ${estimated} / ${budget} tokens`,
  budgetTrimmed: (count) => ` · 已裁剪 ${count} 条早先的消息`,
  budgetTooLong: ' · 仅这个问题就已超长',
  remoteImage: (host) => `打开来自 ${host} 的图片`,
  unrenderable: '这条消息无法显示。',
  errorHints: {
    config_error: '请检查模型和服务器配置（SPARK_* 环境变量）。',
    invalid_request: '请对照模型限制检查 temperature (0–1]、top_k (1–6) 和 max tokens。',
    auth_error: '服务器用 SPARK_API_KEY 和 SPARK_API_SECRET 签名：请确认两者正确且没有填反。',
    clock_skew: '签名服务器的时钟偏差超过 300 秒：请校准系统时间。',
    permission_denied: '请在讯飞开放平台控制台为该应用 ID 开通此模型，或检查其 token 余量。',
    quota_exceeded: '今日额度已用完；明天重置，或在控制台提高额度。',
    rate_limited: '当前请求过多：请稍候再发送。',
    content_filter: '内容审核拒绝了这次对话：请换一种说法（rephrase）。',
    context_length_exceeded: '对话对这个模型来说太长了：请开始新对话或换用上下文更大的模型。',
    server_error: '星火服务暂时故障：重新发送通常即可。',
    connection_error: '连接失败或提前关闭：请检查网络后重新发送。',
    timeout: '星火响应超时：请重新发送，或调低 max tokens。',
    protocol_error: '星火发来了 SDK 无法解析的数据帧：请查看数据帧查看器。',
    aborted: '回答已停止。',
  },
  errorHintDefault: '请查看错误信息。',
  errorHintUnexpected: '页面中发生了意外错误。',
};

/** The dictionary: one entry per {@link Language}. */
export const MESSAGES: Readonly<Record<Language, Messages>> = { en, zh };
