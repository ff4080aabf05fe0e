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

  it("allow WebAssembly ('wasm-unsafe-eval', for Pagefind) on the search page only, and never eval", () => {
    const csp = (path: string) => headersFor(path)['Content-Security-Policy'];
    expect(csp('/search/')).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp('/search')).toContain("'wasm-unsafe-eval'");
    for (const path of ['/', '/guides/right-of-review/', '/embed/where-to-complain/', '/searching/']) expect(csp(path)).not.toContain('wasm');
    for (const path of ['/search/', '/']) expect(csp(path)).not.toContain("'unsafe-eval'");
    const headers = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');
    expect(headers.match(/wasm-unsafe-eval/g)).toHaveLength(1);
    expect(headers).toMatch(/\/search\/\*\n  ! Content-Security-Policy\n  Content-Security-Policy: [^\n]*'wasm-unsafe-eval'/);
  });

  it('keep Strict-Transport-Security on every path and in every nginx location, the embed included', () => {
    const hsts = /Strict-Transport-Security/;
    const headers = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');
    const [site = '', embed = ''] = headers.split(/\n(?=\/embed\/)/);
    expect(site).toMatch(/\/\*\n(.*\n)*  Strict-Transport-Security: max-age=31536000/);
    // The embed rule takes away only what it replaces.
    expect(embed).not.toMatch(/! Strict-Transport-Security/);

    // nginx gives a location that sets any add_header none of the outer ones.
    const blocks = (config: string) => [...config.matchAll(/location [^{]+\{([^{}]*)\}/g)].map((m) => m[1] ?? '');
    const included = readFileSync(new URL('../../docs/nginx-headers.conf', import.meta.url), 'utf8');
    const outside = included.replace(/location [^{]+\{[^{}]*\}/g, '');
    expect(outside).toMatch(hsts);
    for (const block of blocks(included)) expect(block).toMatch(hsts);
    const balancer = readFileSync(new URL('../../docs/nginx-load-balancer.conf', import.meta.url), 'utf8');
    const locations = blocks(balancer);
    expect(locations.length).toBeGreaterThanOrEqual(2);
    for (const block of locations) expect(hsts.test(block) || block.includes('nginx-headers.conf')).toBe(true);
    // Never twice in one location: the included file already sends it.
    for (const block of locations.filter((b) => b.includes('nginx-headers.conf'))) expect(block).not.toMatch(hsts);
  });
});
