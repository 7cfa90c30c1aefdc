import type { PlaygroundConfig } from '../types';

/** Asks the playground server for its mode, app id and the models it signs for. */
export async function fetchConfig(fetchImpl: typeof fetch = fetch): Promise<PlaygroundConfig> {
  const response = await fetchImpl('/api/config', { headers: { accept: 'application/json' } });
  if (!response.ok)
    throw new Error(`The playground server answered /api/config with HTTP ${response.status}.`);
  return (await response.json()) as PlaygroundConfig;
}

/** Arms a scripted failure for the next answer (the server offers this in mock mode only). */
export async function armMockFault(faultId: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  const response = await fetchImpl('/api/mock/next-fault', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fault: faultId }),
  });
  if (!response.ok) throw new Error(`Arming the fault failed with HTTP ${response.status}.`);
}
