import { useEffect, useState } from 'react';
import { fetchConfig } from '../lib/fetch-config';
import type { PlaygroundConfig } from '../types';

/** What loading `/api/config` gave: the config, or the reason it failed. */
export type ConfigState =
  | { status: 'loading' }
  | { status: 'ready'; config: PlaygroundConfig }
  | { status: 'failed'; message: string };

/** Loads the server's config once. */
export function usePlaygroundConfig(): ConfigState {
  const [state, setState] = useState<ConfigState>({ status: 'loading' });
  useEffect(() => {
    let active = true;
    fetchConfig().then(
      (config) => active && setState({ status: 'ready', config }),
      (error: unknown) => active && setState({ status: 'failed', message: (error as Error).message }),
    );
    return () => {
      active = false;
    };
  }, []);
  return state;
}
