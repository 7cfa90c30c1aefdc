/**
 * The `baseURL` rule both protocols share: scheme, host and port replaced, the model's path kept
 * behind the base URL's own path. Each protocol supplies its scheme mapping.
 */
import { SparkConfigError } from '../errors/error-classes';

function parseUrl(url: string, name: string, schemes: Readonly<Record<string, string>>): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (!parsed?.hostname || !schemes[parsed.protocol]) {
    const accepted = Object.keys(schemes).map((scheme) => `${scheme}//`);
    throw new SparkConfigError(
      `${name} is not a valid URL: it needs ${accepted.slice(0, -1).join(', ')} or ${accepted.at(-1)} and a host, e.g. ${accepted[0]}127.0.0.1:8787.`,
    );
  }
  return parsed;
}

/** How many rebased URLs one rebaser remembers: custom models may come with any number of URLs. */
const REMEMBERED_URLS = 64;

/**
 * Makes the `baseURL` rule of one protocol: the returned function points `url` at the server of
 * `baseURL`, its scheme mapped through `schemes` (a base URL's scheme to the scheme dialled; its keys
 * are the schemes accepted, the first one the example's). Without a `baseURL` the URL is returned
 * unchanged. Results are remembered by base URL, then URL (parsing two URLs per request is
 * measurable), so a request pays two map lookups and builds no key.
 *
 * The returned function throws a `SparkConfigError` when `baseURL` or `url` is not a valid URL.
 */
export function createRebaser(
  schemes: Readonly<Record<string, string>>,
): (url: string, baseURL: string | undefined) => string {
  const rebased = new Map<string, Map<string, string>>();
  let remembered = 0;
  return (url, baseURL) => {
    if (baseURL === undefined || baseURL === '') return url;
    const known = rebased.get(baseURL)?.get(url);
    if (known !== undefined) return known;
    const base = parseUrl(baseURL, 'baseURL', schemes);
    const target = parseUrl(url, 'The model URL', schemes);
    const prefix = base.pathname.replace(/\/+$/, '');
    const dialled = `${schemes[base.protocol]}//${base.host}${prefix}${target.pathname}${target.search}`;
    if (remembered < REMEMBERED_URLS) {
      remembered += 1;
      let byUrl = rebased.get(baseURL);
      if (byUrl === undefined) {
        byUrl = new Map();
        rebased.set(baseURL, byUrl);
      }
      byUrl.set(url, dialled);
    }
    return dialled;
  };
}
