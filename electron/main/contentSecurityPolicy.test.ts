import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

/**
 * The CSP is sent as a header by both servers (from shared/security/csp.ts) and written by hand into
 * renderer/index.html's meta tag. If the two drift, whichever is looser is what a page opened the
 * other way gets; this keeps them identical.
 */
const indexHtml = join(__dirname, '../../renderer/index.html');

function metaPolicies(html: string): string[] {
  const policies: string[] = [];
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/http-equiv\s*=\s*["']?Content-Security-Policy["']?/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    policies.push(decodeEntities(content?.[1] ?? content?.[2] ?? ''));
  }
  return policies;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#39;|&#x27;|&apos;/gi, "'")
    .replace(/&quot;/gi, '"')
    .replace(/&amp;/gi, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('Content-Security-Policy', () => {
  it("renderer/index.html carries exactly the policy the servers send", () => {
    const policies = metaPolicies(readFileSync(indexHtml, 'utf8'));
    expect(policies).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('allows nothing from outside the app', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none';/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-|ws:/);
  });
});
