import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Tests run from the repository root; import.meta.url is not a file URL under jsdom.
const clientDir = join(process.cwd(), 'dist/client');

/** The built HTML file for a site path, as the Node server would send it. */
export function builtFile(path: string): string {
  const clean = path.split('?')[0]!.split('#')[0]!;
  return readFileSync(join(clientDir, clean.endsWith('/') ? `${clean}index.html` : clean), 'utf8');
}

/** Loads a built page into the test document at its own address, with fetch served from the build. */
export function loadBuiltPage(path: string): void {
  const html = builtFile(path);
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';
  document.title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? '';
  // Scripts are imported by the test itself; the page's module tags would do nothing in jsdom.
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/gi, '');
  history.replaceState(null, '', path);
  globalThis.fetch = (async (input: string | URL) => {
    const url = new URL(String(input), location.href);
    try {
      return new Response(builtFile(url.pathname), { status: 200, headers: { 'Content-Type': 'text/html' } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  }) as typeof fetch;
}

export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Moves the virtual screen reader on until it says something matching `phrase`, and returns what it said. */
export async function moveTo(phrase: RegExp, limit = 300): Promise<string> {
  const { virtual } = await import('@guidepup/virtual-screen-reader');
  for (let i = 0; i < limit; i++) {
    await virtual.next();
    const spoken = await virtual.lastSpokenPhrase();
    if (phrase.test(spoken)) return spoken;
  }
  throw new Error(`The screen reader never reached ${phrase}; it said: ${(await virtual.spokenPhraseLog()).slice(-10).join(' | ')}`);
}
