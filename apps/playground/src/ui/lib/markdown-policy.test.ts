import { describe, expect, it } from 'vitest';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, remoteImageUrl, safeLinkUrl } from './markdown-policy';

describe('markdown policy', () => {
  it('allows no element or attribute that can style, cover, submit, embed or run', () => {
    for (const tag of [
      'style',
      'script',
      'form',
      'input',
      'button',
      'iframe',
      'object',
      'embed',
      'svg',
      'math',
      'link',
      'meta',
      'base',
      'div',
      'span',
      'textarea',
      'select',
      'dialog',
      'video',
      'audio',
      'source',
    ]) {
      expect(ALLOWED_TAGS, tag).not.toContain(tag);
    }
    for (const attribute of [
      'style',
      'class',
      'id',
      'name',
      'onerror',
      'onclick',
      'srcset',
      'action',
      'formaction',
      'target',
      'popover',
    ]) {
      expect(ALLOWED_ATTRIBUTES, attribute).not.toContain(attribute);
    }
  });

  it('keeps web and mail links only', () => {
    expect(safeLinkUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeLinkUrl(' http://example.com ')).toBe('http://example.com/');
    expect(safeLinkUrl('mailto:someone@example.com')).toBe('mailto:someone@example.com');
    for (const href of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '/api/mock/next-fault',
      '#top',
      '//attacker.test/x',
      'https://',
      null,
    ]) {
      expect(safeLinkUrl(href), String(href)).toBeUndefined();
    }
  });

  it('offers remote http(s) images with their host, and drops data: and relative ones', () => {
    expect(remoteImageUrl('https://attacker.test/?q=secret')).toEqual({
      url: 'https://attacker.test/?q=secret',
      host: 'attacker.test',
    });
    expect(remoteImageUrl('http://127.0.0.1:8080/x.png')?.host).toBe('127.0.0.1:8080');
    for (const src of [
      'data:image/png;base64,AAAA',
      'x',
      '/logo.png',
      'javascript:alert(1)',
      'blob:https://a/b',
      null,
    ]) {
      expect(remoteImageUrl(src), String(src)).toBeUndefined();
    }
  });
});
