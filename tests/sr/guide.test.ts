// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { virtual } from '@guidepup/virtual-screen-reader';
import { loadBuiltPage } from './built-page.ts';

afterEach(async () => {
  await virtual.stop();
});

/** Runs a screen reader command until the page ends, collecting what is said at each stop. */
async function collect(command: keyof typeof virtual.commands, limit = 60): Promise<string[]> {
  const heard: string[] = [];
  for (let i = 0; i < limit; i++) {
    await virtual.perform(virtual.commands[command]);
    const phrase = await virtual.lastSpokenPhrase();
    if (heard.includes(phrase)) break;
    heard.push(phrase);
  }
  return heard;
}

describe('a screen reader user reading a guide', () => {
  it('meets the skip link first, finds the landmarks and the headings, and hears a glossary link', async () => {
    loadBuiltPage('/guides/right-of-review/');
    await virtual.start({ container: document.body });

    await virtual.next();
    expect(await virtual.lastSpokenPhrase()).toBe('link, Skip to main content');

    const landmarks = await collect('moveToNextLandmark');
    expect(landmarks).toEqual(expect.arrayContaining(['banner', 'search, Site', 'navigation, Main', 'navigation, Breadcrumb', 'main', 'contentinfo']));

    const headings = await collect('moveToNextHeading');
    expect(headings[0]).toBe('heading, Your right of review, level 1');
    expect(headings).toEqual(expect.arrayContaining(['heading, Sources, level 2']));
    // Headings never skip a level.
    const levels = headings.map((h) => Number(/level (\d)$/.exec(h)?.[1]));
    levels.forEach((level, i) => {
      if (i > 0) expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1);
    });

    const links = await collect('moveToNextLink', 120);
    const glossaryLink = document.querySelector<HTMLAnchorElement>('main a.glossary-link');
    expect(glossaryLink).not.toBeNull();
    expect(links).toContain(`link, ${glossaryLink!.textContent}`);
  });
});
