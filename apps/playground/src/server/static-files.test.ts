import { describe, expect, it } from 'vitest';
import { resolveInside } from './static-files';

describe('resolveInside', () => {
  it('maps URL paths to files under the root', () => {
    expect(resolveInside('/srv/ui', '/assets/app.js?v=1')).toBe('/srv/ui/assets/app.js');
    expect(resolveInside('/srv/ui', '/')).toBe('/srv/ui/');
  });

  it('refuses paths that escape the root or are malformed', () => {
    expect(resolveInside('/srv/ui', '/../secret')).toBeUndefined();
    expect(resolveInside('/srv/ui', '/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(resolveInside('/srv/ui', '/..%2fui-other/x')).toBeUndefined();
    expect(resolveInside('/srv/ui', '/%E0%A4%A')).toBeUndefined();
    expect(resolveInside('/srv/ui', '/a%00b')).toBeUndefined();
  });
});
