import { describe, expect, it } from 'vitest';
import { comesFromThisSite, configuredSite, type OriginContext } from '../../src/lib/requests/same-origin.ts';

const direct: OriginContext = { url: new URL('http://127.0.0.1:4321/accessible-formats/request/submit/'), trustProxy: false };
// Behind a load balancer that ends HTTPS: the server is asked for http://, the browser is on https://.
const behindBalancer: OriginContext = {
  url: new URL('http://complaints.example/accessible-formats/request/submit/'),
  trustProxy: true,
};

const post = (headers: Record<string, string>, context: OriginContext = direct) => comesFromThisSite('POST', new Headers(headers), context);

describe('whether a form post came from this site', () => {
  it('lets GET and HEAD through whatever they say', () => {
    expect(comesFromThisSite('GET', new Headers({ Origin: 'https://evil.example' }), direct)).toBe(true);
    expect(comesFromThisSite('head', new Headers(), direct)).toBe(true);
  });

  it('accepts a post from the address the server was asked for, and refuses any other', () => {
    expect(post({ Origin: 'http://127.0.0.1:4321' })).toBe(true);
    expect(post({ Origin: 'http://evil.example' })).toBe(false);
    expect(post({ Origin: 'http://127.0.0.1:4322' })).toBe(false);
    expect(post({ Origin: 'https://127.0.0.1:4321' })).toBe(false);
  });

  it('falls back to the Referer only when the browser sent no Origin at all', () => {
    expect(post({ Referer: 'http://127.0.0.1:4321/accessible-formats/request/' })).toBe(true);
    expect(post({ Referer: 'http://evil.example/form' })).toBe(false);
    // "Origin: null" (a sandboxed frame, a privacy setting) is an answer, and not ours.
    expect(post({ Origin: 'null', Referer: 'http://127.0.0.1:4321/' })).toBe(false);
    expect(post({})).toBe(false);
    expect(post({ Origin: 'not a url' })).toBe(false);
  });

  it('behind a trusted load balancer, accepts the https address it reports, and nothing it does not', () => {
    expect(post({ Origin: 'https://complaints.example', 'X-Forwarded-Proto': 'https' }, behindBalancer)).toBe(true);
    expect(post({ Origin: 'https://complaints.example' }, behindBalancer)).toBe(false);
    expect(post({ Origin: 'https://evil.example', 'X-Forwarded-Proto': 'https' }, behindBalancer)).toBe(false);
    // Without trusted proxies, what the client says about the protocol counts for nothing.
    expect(post({ Origin: 'https://complaints.example', 'X-Forwarded-Proto': 'https' }, { ...behindBalancer, trustProxy: false })).toBe(false);
  });

  it('behind a trusted load balancer that reports https, refuses the plain http origin', () => {
    expect(post({ Origin: 'http://complaints.example', 'X-Forwarded-Proto': 'https' }, behindBalancer)).toBe(false);
    expect(post({ Origin: 'http://localhost', 'X-Forwarded-Proto': 'https' }, behindBalancer)).toBe(false);
    // A load balancer that reports no protocol: the one the server itself sees.
    expect(post({ Origin: 'http://complaints.example' }, behindBalancer)).toBe(true);
  });

  it('without SITE_URL trusts no public address, and never the localhost one used for links', () => {
    expect(configuredSite(undefined, '')).toBeUndefined();
    expect(configuredSite('', undefined)).toBeUndefined();
    expect(configuredSite(undefined, 'https://complaints.example')?.origin).toBe('https://complaints.example');
    expect(configuredSite('https://runtime.example', 'https://built.example')?.origin).toBe('https://runtime.example');
    expect(() => configuredSite('complaints.example', undefined)).toThrow(/SITE_URL/);
    const onRealHost: OriginContext = { url: new URL('http://complaints.example/accessible-formats/request/submit/'), trustProxy: false, site: configuredSite(undefined, '') };
    expect(post({ Origin: 'http://localhost:4321' }, onRealHost)).toBe(false);
    expect(post({ Origin: 'http://complaints.example' }, onRealHost)).toBe(true);
  });

  it('accepts the public address the site was built for', () => {
    const context = { ...behindBalancer, trustProxy: false, site: new URL('https://complaints.example/') };
    expect(post({ Origin: 'https://complaints.example' }, context)).toBe(true);
    expect(post({ Origin: 'https://complaints.example.evil.example' }, context)).toBe(false);
  });
});
