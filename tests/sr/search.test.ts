// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { virtual } from '@guidepup/virtual-screen-reader';
import { loadBuiltPage, moveTo, until } from './built-page.ts';
import { builtPagefind, fetchBuiltFiles } from '../support/pagefind-node.ts';
import { startSearch } from '../../src/islands/search.ts';

afterEach(async () => {
  await virtual.stop();
});

describe('a screen reader user searching the site', () => {
  it('types a search, hears "Searching…" and then only the count, and reaches the first result', async () => {
    loadBuiltPage('/search/');
    fetchBuiltFiles();
    // The built site's own Pagefind, run in Node (the test document cannot load a module by its address).
    startSearch({ importPagefind: builtPagefind as never });
    await virtual.start({ container: document.body });

    await moveTo(/Search this site/);
    await virtual.type('appeal');
    await moveTo(/^button, Search/);
    await virtual.act();

    await until(async () => (await virtual.spokenPhraseLog()).some((p) => /results? for ‘appeal’/.test(p)), 'the count to be spoken', 10_000);
    const log = await virtual.spokenPhraseLog();
    const announced = log.filter((p) => /polite/.test(p));
    expect(announced.some((p) => p.includes('Searching…'))).toBe(true);
    expect(announced.find((p) => /for ‘appeal’/.test(p))).toMatch(/\d+ results? for ‘appeal’\./);
    // The results are not read out as a whole: the person moves to them.
    expect(log.some((p) => p.includes('Your right of review') && /polite/.test(p))).toBe(false);
    expect(await moveTo(/^heading, Your right of review/)).toMatch(/level 2/);
    expect(await moveTo(/^link, Your right of review/)).toBeTruthy();
  }, 30_000);

  it('hears what to do next when nothing is found', async () => {
    loadBuiltPage('/search/?q=xyzzyplugh');
    fetchBuiltFiles();
    startSearch({ importPagefind: builtPagefind as never });
    await virtual.start({ container: document.body });
    await until(async () => (await virtual.spokenPhraseLog()).some((p) => p.includes('No results for ‘xyzzyplugh’')), 'no results to be spoken', 10_000);
    expect(await moveTo(/^heading, Other ways to find what you need/)).toBeTruthy();
    expect(await moveTo(/^link, where to complain/)).toBeTruthy();
    expect(document.getElementById('search-status')?.textContent).toBe('No results for ‘xyzzyplugh’. Try the suggestions below.');
  }, 30_000);
});
