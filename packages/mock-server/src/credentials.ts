/** Credentials the mock accepts: an APPID for the request frame, an APIKey and APISecret for the signed URL. */
export interface MockCredentials {
  appId: string;
  apiKey: string;
  apiSecret: string;
}

/**
 * Fixed, clearly fake test credentials used when none are given. APIKey and APISecret are 32 characters
 * long like real ones, so clients that check lengths accept them.
 */
export const DEFAULT_CREDENTIALS: Readonly<MockCredentials> = Object.freeze({
  appId: 'mockapp1',
  apiKey: 'mock-spark-api-key-0000000000000',
  apiSecret: 'mock-spark-api-secret-0000000000',
});

/**
 * The fixed, clearly fake HTTP `APIPassword` the mock accepts as `Authorization: Bearer <password>` when
 * no `apiPassword` option is given.
 */
export const DEFAULT_API_PASSWORD = 'mock-spark-api-password-0000000';
