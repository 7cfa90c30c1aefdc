/**
 * The warning for `--proxy http://user:password@host`: a command line is visible to every user of
 * the machine (`ps`, `/proc/<pid>/cmdline`) and stays in the shell history, so a password belongs
 * in an environment variable, which the CLI reads like curl does.
 */
export const PROXY_PASSWORD_WARNING =
  'xinghuo: warning: --proxy carries a password, which other users of this machine can read with `ps` ' +
  'and which stays in your shell history. Set it in the environment instead, e.g. ' +
  '`export HTTPS_PROXY=http://user:password@proxy:3128` in a file you source, and drop --proxy.';

/** True when `proxy` is a URL with a password in it (the password itself is never looked at again). */
export function proxyHasPassword(proxy: string | undefined): boolean {
  if (proxy === undefined) return false;
  try {
    return new URL(proxy).password !== '';
  } catch {
    // Not a URL: the proxy module reports that, without echoing it.
    return false;
  }
}
