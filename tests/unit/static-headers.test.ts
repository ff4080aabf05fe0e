import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { headersFile, nginxConfig } from '../../server/static-headers.mjs';
import { headersFor } from '../../server/security-headers.mjs';

describe('headers for static hosting', () => {
  it('public/_headers matches what the Node server sends (run node server/static-headers.mjs to update)', () => {
    expect(readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8')).toBe(headersFile());
  });

  it('docs/nginx-headers.conf matches too', () => {
    expect(readFileSync(new URL('../../docs/nginx-headers.conf', import.meta.url), 'utf8')).toBe(nginxConfig());
  });

  it('allow no inline script anywhere, and framing only for the embed', () => {
    const site = headersFor('/guides/right-of-review/')['Content-Security-Policy'];
    const embed = headersFor('/embed/where-to-complain/about/')['Content-Security-Policy'];
    for (const csp of [site, embed]) expect(csp).not.toContain("'unsafe-inline'");
    expect(site).toContain("frame-ancestors 'none'");
    expect(embed).toContain('frame-ancestors *');
    const frameOptions = (path: string) => (headersFor(path) as Record<string, string | undefined>)['X-Frame-Options'];
    expect(frameOptions('/embed/where-to-complain/')).toBeUndefined();
    expect(frameOptions('/')).toBe('DENY');
  });
});
