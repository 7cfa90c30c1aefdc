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

// Rebased URLs per scheme map, base URL and model URL: parsing two URLs per request is measurable.
// Bounded, since custom models may come with any number of URLs.
const rebased = new WeakMap<object, Map<string, string>>();

/**
 * Points `url` at the server of `baseURL`, its scheme mapped through `schemes` (a base URL's scheme to
 * the scheme dialled; its keys are the schemes accepted, the first one the example's). Without a
 * `baseURL` the URL is returned unchanged. Results are remembered, so a request pays a map lookup.
 *
 * @throws SparkConfigError when `baseURL` or `url` is not a valid URL
 */
export function rebaseUrl(
  url: string,
  baseURL: string | undefined,
  schemes: Readonly<Record<string, string>>,
): string {
  if (baseURL === undefined || baseURL === '') return url;
  let known = rebased.get(schemes);
  if (known === undefined) {
    known = new Map();
    rebased.set(schemes, known);
  }
  const key = `${baseURL} ${url}`;
  let dialled = known.get(key);
  if (dialled === undefined) {
    const base = parseUrl(baseURL, 'baseURL', schemes);
    const target = parseUrl(url, 'The model URL', schemes);
    const prefix = base.pathname.replace(/\/+$/, '');
    dialled = `${schemes[base.protocol]}//${base.host}${prefix}${target.pathname}${target.search}`;
    if (known.size < 64) known.set(key, dialled);
  }
  return dialled;
}
