export { deterministicAnswer } from './answer/deterministic-answer.js';
export type { MockSearchResult } from './answer/search-results.js';
export { GATEWAY_MESSAGES, type HandshakeRejection } from './auth/gateway-responses.js';
export type { HmacSha256Base64 } from './auth/hmac.js';
export { nodeHmacSha256Base64 } from './auth/hmac-node.js';
export { type AuthorizationParameters, parseAuthorization } from './auth/parse-authorization.js';
export { SIGNED_URL_REUSED_MESSAGE, type SignedUrlReuse } from './auth/signed-url-reuse.js';
export { type SignedRequest, type VerifyOptions, verifySignedRequest } from './auth/verify-signature.js';
export type { ChatRequest, WireFunction, WireMessage, WireWebSearch } from './chat-request.js';
export type { MockSparkControls } from './controls.js';
export { DEFAULT_API_PASSWORD, DEFAULT_CREDENTIALS, type MockCredentials } from './credentials.js';
export type { MockSparkEngineOptions } from './engine.js';
export { estimateMockTokens } from './estimate-mock-tokens.js';
export type { BearerForm } from './http/bearer-credential.js';
export type { ChatCompletionRequest } from './http/chat-completion-request.js';
export { MOCK_HTTP_ROUTES, type MockHttpRoute, type UsagePlacement } from './http/http-routes.js';
export {
  type RecordedHttpBody,
  type RecordedHttpMessage,
  recordedHttpBody,
} from './http/recorded-http-body.js';
export { DEFAULT_MAX_RECORDS, type MockConnectionRecord, type MockRecordedRequest } from './records.js';
export { MOCK_ROUTES, type MockModelRoute } from './routes.js';
export type {
  MockHandler,
  MockHandlerObject,
  MockHandshakeInfo,
  MockRequestHandler,
  MockRequestInfo,
  MockScenario,
} from './scenarios.js';
export { type MockSpark, type MockSparkOptions, startMockSpark } from './server.js';
