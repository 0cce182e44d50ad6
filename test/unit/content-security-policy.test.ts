import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../main/content-security-policy';

describe('content security policy', () => {
  it('is the same in renderer/index.html as in the hosts', () => {
    const html = fs.readFileSync(path.resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows nothing remote and no eval', () => {
    const directives = CONTENT_SECURITY_POLICY_HEADER.split(';').map((directive) => directive.trim());
    expect(directives).toContain("default-src 'self'");
    expect(directives).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY_HEADER).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});
