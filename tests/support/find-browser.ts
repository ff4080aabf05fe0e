import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Common places a system Chromium lives; Debian's package installs the first. */
export const systemChromiumPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const installHint =
  'No Chromium found: install one with "sudo apt-get install -y chromium" (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.';

export interface BrowserFinderDeps {
  exists: (path: string) => boolean;
  env: Record<string, string | undefined>;
  playwrightChromium: () => string | undefined;
  isRoot: () => boolean;
  installWithApt: () => void;
}

/**
 * Where to find Chromium, in order: Playwright's own download, CHROMIUM_PATH,
 * a system Chromium, and, when running as root on Debian, Debian's package.
 * Returns undefined when Playwright's own browser should be used as it is.
 */
export function findChromium(deps: BrowserFinderDeps): string | undefined {
  const own = deps.playwrightChromium();
  if (own && deps.exists(own)) return undefined;

  const fromEnv = deps.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (deps.exists(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but there is no file there. ${installHint}`);
  }

  const system = systemChromiumPaths.find((p) => deps.exists(p));
  if (system) return system;

  if (deps.isRoot() && deps.exists('/usr/bin/apt-get')) {
    deps.installWithApt();
    const installed = systemChromiumPaths.find((p) => deps.exists(p));
    if (installed) return installed;
  }
  throw new Error(installHint);
}

export const realDeps: BrowserFinderDeps = {
  exists: existsSync,
  env: process.env,
  playwrightChromium: () => {
    try {
      return chromium.executablePath();
    } catch {
      return undefined;
    }
  },
  isRoot: () => process.getuid?.() === 0,
  installWithApt: () => {
    console.log('Installing Debian chromium for the browser tests...');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  },
};

/** Flags a headless Chromium needs in a container with no network but the loopback. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
