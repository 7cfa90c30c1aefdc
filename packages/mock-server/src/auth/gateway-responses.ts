/** An HTTP answer to a WebSocket upgrade that the mock refuses, shaped like the xfyun gateway's. */
export interface HandshakeRejection {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The gateway's JSON bodies for refused handshakes (spec §1.5), plus the 404 of an unknown path. */
export const GATEWAY_MESSAGES = {
  unauthorized: 'Unauthorized',
  cannotVerify: 'HMAC signature cannot be verified',
  unknownCredential: 'HMAC signature cannot be verified: fail to retrieve credential',
  hostNotSigned: "HMAC signature cannot be verified:enforced header 'host' not used for signature creation",
  doesNotMatch: 'HMAC signature does not match',
  clockSkew:
    'HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication',
  noRoute: 'no Route matched with those values',
} as const;

/** Builds a rejection carrying `{"message": …}` like every gateway error body. */
export function gatewayRejection(status: number, message: string): HandshakeRejection {
  return { status, body: { message } };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  426: 'Upgrade Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** The reason phrase for a status line; unknown statuses get a generic one. */
export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? 'Error';
}
