/** Where answers come from: the bundled mock server, or the real Spark service with these credentials. */
export type SparkMode =
  | { mode: 'mock' }
  | {
      mode: 'live';
      appId: string;
      apiKey: string;
      apiSecret: string;
      baseURL?: string | undefined;
      /** `SPARK_API_PASSWORD`: the HTTP relay's credential; without it the relay sends `apiKey:apiSecret`. */
      apiPassword?: string | undefined;
    };

/** The environment variables this server reads. */
export type PlaygroundEnvironment = Readonly<Record<string, string | undefined>>;

const CREDENTIAL_VARIABLES = ['SPARK_APP_ID', 'SPARK_API_KEY', 'SPARK_API_SECRET'] as const;

/**
 * Decides the mode from the environment: no `SPARK_*` credentials → mock mode; all three → live mode
 * (with `SPARK_BASE_URL` and `SPARK_API_PASSWORD` when set); some but not all → an error naming the missing ones, because
 * silently falling back to the mock would hide a typo. `PLAYGROUND_MOCK=1` forces mock mode.
 */
export function sparkModeFromEnv(env: PlaygroundEnvironment): SparkMode {
  if (env.PLAYGROUND_MOCK === '1' || env.PLAYGROUND_MOCK === 'true') return { mode: 'mock' };
  const present = CREDENTIAL_VARIABLES.filter((name) => (env[name] ?? '').trim() !== '');
  if (present.length === 0) return { mode: 'mock' };
  if (present.length < CREDENTIAL_VARIABLES.length) {
    const missing = CREDENTIAL_VARIABLES.filter((name) => !present.includes(name));
    throw new Error(
      `Set all of SPARK_APP_ID, SPARK_API_KEY and SPARK_API_SECRET for live mode (missing: ${missing.join(', ')}), ` +
        'or none of them for mock mode.',
    );
  }
  const baseURL = env.SPARK_BASE_URL?.trim();
  const apiPassword = env.SPARK_API_PASSWORD?.trim();
  return {
    mode: 'live',
    appId: env.SPARK_APP_ID!.trim(),
    apiKey: env.SPARK_API_KEY!.trim(),
    apiSecret: env.SPARK_API_SECRET!.trim(),
    baseURL: baseURL ? baseURL : undefined,
    apiPassword: apiPassword ? apiPassword : undefined,
  };
}
