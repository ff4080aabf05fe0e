import { describe, it, expect, vi } from 'vitest';
import { findChromium, installHint, type BrowserFinderDeps } from '../support/find-browser.ts';

function deps(overrides: Partial<BrowserFinderDeps> & { files?: string[] }): BrowserFinderDeps {
  const files = new Set(overrides.files ?? []);
  return {
    exists: (p) => files.has(p),
    env: {},
    playwrightChromium: () => '/cache/ms-playwright/chromium/chrome',
    isRoot: () => false,
    installWithApt: () => undefined,
    ...overrides,
  };
}

describe('finding a browser for the tests', () => {
  it("prefers Playwright's own Chromium when it is installed", () => {
    expect(findChromium(deps({ files: ['/cache/ms-playwright/chromium/chrome', '/usr/bin/chromium'] }))).toBeUndefined();
  });

  it('uses CHROMIUM_PATH next', () => {
    expect(findChromium(deps({ env: { CHROMIUM_PATH: '/opt/chrome' }, files: ['/opt/chrome', '/usr/bin/chromium'] }))).toBe('/opt/chrome');
  });

  it('says so when CHROMIUM_PATH points at nothing', () => {
    expect(() => findChromium(deps({ env: { CHROMIUM_PATH: '/nope' } }))).toThrow(/CHROMIUM_PATH/);
  });

  it('falls back to a system Chromium', () => {
    expect(findChromium(deps({ files: ['/usr/bin/chromium'] }))).toBe('/usr/bin/chromium');
  });

  it("installs Debian's chromium when running as root with apt-get", () => {
    const files = new Set(['/usr/bin/apt-get']);
    const installWithApt = vi.fn(() => void files.add('/usr/bin/chromium'));
    const found = findChromium({ ...deps({}), exists: (p) => files.has(p), isRoot: () => true, installWithApt });
    expect(installWithApt).toHaveBeenCalledOnce();
    expect(found).toBe('/usr/bin/chromium');
  });

  it('stops with a one-line instruction when nothing can be found or installed', () => {
    const installWithApt = vi.fn();
    expect(() => findChromium(deps({ installWithApt }))).toThrow(installHint);
    expect(installWithApt).not.toHaveBeenCalled();
    expect(installHint).not.toContain('\n');
  });
});
