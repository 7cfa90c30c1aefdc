export { deterministicAnswer } from './answer/deterministic-answer.js';
export type { MockSearchResult } from './answer/search-results.js';
export { GATEWAY_MESSAGES, type HandshakeRejection } from './auth/gateway-responses.js';
export type { HmacSha256Base64 } from './auth/hmac.js';
export { nodeHmacSha256Base64 } from './auth/hmac-node.js';
export { type AuthorizationParameters, parseAuthorization } from './auth/parse-authorization.js';
export { type SignedRequest, type VerifyOptions, verifySignedRequest } from './auth/verify-signature.js';
export type { ChatRequest, WireFunction, WireMessage, WireWebSearch } from './chat-request.js';
export type { MockSparkControls } from './controls.js';
export { DEFAULT_CREDENTIALS, type MockCredentials } from './credentials.js';
export type { MockSparkEngineOptions } from './engine.js';
/** The mock's token count for usage figures (named apart from core's `estimateTokens`, which it is not). */
export { estimateTokens as estimateMockTokens } from './estimate-tokens.js';
export type { MockConnectionRecord, MockRecordedRequest } from './records.js';
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
