import { describe, expect, it } from 'vitest';
import { createSparkClient } from './client';

describe('client.protocol', () => {
  it("is 'http' for a client asked for HTTP or given only an APIPassword", () => {
    expect(createSparkClient({ protocol: 'http', apiPassword: 'password' }).protocol).toBe('http');
    expect(createSparkClient({ apiPassword: 'password' }).protocol).toBe('http');
  });
});
