import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const policyPath = join(root, 'SECURITY.md');

function policy(): string {
  return readFileSync(policyPath, 'utf8');
}

/** The text of one `## ` section (up to the next `## `). */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}`);
  if (start < 0) return '';
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

describe('SECURITY.md', () => {
  it('exists at the repository root and says how to report a problem privately', () => {
    expect(existsSync(policyPath)).toBe(true);
    const reporting = section(policy(), 'Reporting a vulnerability');
    expect(reporting).toContain('https://github.com/xinghuo-sdk/xinghuo/security/advisories/new');
    expect(reporting).toMatch(/do not open a public\s+issue/i);
  });

  it('states the threat model of the signing handler, the HTTP relay, the playground and the mock', () => {
    const model = section(policy(), 'What is protected, and from whom');
    for (const heading of ['The signing handler', 'The HTTP relay', 'The playground', 'The mock server']) {
      expect(model, heading).toContain(`### ${heading}`);
    }
    expect(model).toMatch(/does not protect against/i);
  });

  it('names every protection option the signing handler has, as the code spells it', () => {
    const source = readFileSync(join(import.meta.dirname, '../src/signing/signing-handler.ts'), 'utf8');
    const options = source.slice(source.indexOf('export interface SigningHandlerOptions'));
    const model = section(policy(), 'What is protected, and from whom');
    for (const name of [
      'authorize',
      'public',
      'allowedHosts',
      'trustedHosts',
      'allowedOrigins',
      'rateLimit',
      'trustProxyHeaders',
      'clientKey',
    ]) {
      expect(options, `SigningHandlerOptions.${name}`).toMatch(new RegExp(`\\n  ${name}\\?: `));
      expect(model, name).toContain(`\`${name}`);
    }
  });

  it('names every protection option the HTTP relay has, as the code spells it', () => {
    const source = readFileSync(join(import.meta.dirname, '../src/relay/relay-handler.ts'), 'utf8');
    const options = source.slice(source.indexOf('export interface RelayHandlerOptions'));
    const model = section(policy(), 'What is protected, and from whom');
    const relay = model.slice(model.indexOf('### The HTTP relay'), model.indexOf('### The playground'));
    expect(relay).not.toMatch(/planned/i);
    for (const name of [
      'authorize',
      'public',
      'endpoints',
      'models',
      'upstream',
      'maxBodyBytes',
      'transformBody',
      'trustedHosts',
      'allowedOrigins',
      'rateLimit',
      'trustProxyHeaders',
      'clientKey',
    ]) {
      expect(options, `RelayHandlerOptions.${name}`).toMatch(new RegExp(`\\n  ${name}\\?:\\s`));
      expect(relay, name).toContain(`\`${name}`);
    }
  });

  it('lists the guarantees, each with tests that exist', () => {
    const guarantees = section(policy(), 'Guarantees');
    for (const phrase of [
      /no api secret, api key, http password or signed-url\s+`authorization`/i,
      /tls certificates are always verified/i,
      /browser never holds the api secret/i,
      /stripped of control and escape sequences/i,
      /renders model output sanitized/i,
    ]) {
      expect(guarantees).toMatch(phrase);
    }
    const cited = [...guarantees.matchAll(/`((?:packages|apps|bench)\/[^`]+)`/g)].map((match) => match[1]!);
    expect(cited.length).toBeGreaterThanOrEqual(6);
    for (const path of cited) expect(existsSync(join(root, path)), path).toBe(true);
  });
});
