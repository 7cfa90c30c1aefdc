import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * The page's policy, a second line of defence behind the sanitizing of model output:
 * - scripts and style sheets from this origin only. No `'unsafe-inline'` styles: a `<style>` element
 *   or `style` attribute that got into the page is ignored (React's `style` prop sets CSSOM
 *   properties, which the policy does not restrict);
 * - images from this origin and `data:` URLs (the page's own icon) only. Remote images in answers
 *   are never loaded by the page: the user opens one in a new tab with a click, which is a
 *   navigation, not an image load, so it needs nothing here. Allowing `https:` images would let an
 *   answer send conversation text to any host in an image URL if markup ever got through;
 * - no form submissions (`form-action 'none'`): the composer is a form handled by script only;
 * - WebSockets to any host (the mock server or Spark), fetches to this origin;
 * - no plugins, no `<base>`, no framing of the page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Resolves a URL path inside `rootDir`, or `undefined` when it would escape it. */
export function resolveInside(rootDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const root = normalize(rootDir);
  const target = normalize(join(root, decoded));
  return target === root || target.startsWith(root.endsWith(sep) ? root : root + sep) ? target : undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built UI from `rootDir`: files as they are (hashed assets cached for a year), and
 * `index.html` for any other path without an extension, so a reload on a deep link works.
 */
export function createStaticHandler(rootDir: string) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const urlPath = request.url ?? '/';
    let file = resolveInside(rootDir, urlPath);
    if (!file) {
      response.writeHead(400).end();
      return;
    }
    if (!(await isFile(file))) {
      if (extname(file) !== '' && !file.endsWith('.html')) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      file = join(rootDir, 'index.html');
    }
    const extension = extname(file);
    const immutable = urlPath.startsWith('/assets/');
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...(extension === '.html' ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file)
      .on('error', () => response.destroy())
      .pipe(response);
  };
}
