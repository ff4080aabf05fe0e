import { describe, it, expect } from 'vitest';
import { builtPagePaths } from '../support/built-pages.ts';
import { builtDocument } from '../support/built-dom.ts';
import { copyKinds, copyKindOf, sweptPagePaths, withoutScriptHashes } from '../support/page-sampling.ts';

// The browser sweep opens only samples of these copies (tests/support/page-sampling.ts says why).
// That is safe only while each copy's markup is the swept page's markup with the listed
// differences taken out: checked here on every copy of every build.
const pages = builtPagePaths();

/** The compared markup of a page: its main content, or its whole body, with no title or head. */
function comparedMarkup(path: string, part: 'main' | 'body'): string {
  const el = builtDocument(path).querySelector(part);
  if (!el) throw new Error(`${path} has no <${part}>`);
  return el.outerHTML;
}

/** Everything on a page but its main content: the chrome the samples sweep for every copy. */
function chromeMarkup(path: string): string {
  const body = builtDocument(path).body.cloneNode(true) as HTMLElement;
  body.querySelector('main')?.replaceChildren();
  return body.outerHTML;
}

describe('copies of swept pages', () => {
  for (const kind of copyKinds) {
    const copies = pages.filter((path) => kind.pattern.test(path));

    describe(kind.name, () => {
      it('exist, and so do their samples and the pages they stand for', () => {
        expect(copies.length).toBeGreaterThan(kind.samples.length);
        for (const sample of kind.samples) expect(copies, `sample ${sample}`).toContain(sample);
        const swept = sweptPagePaths(pages);
        const missing = copies.map(kind.sweptAs).filter((path) => !swept.includes(path));
        expect(missing, 'pages the copies stand for that the sweep does not open').toEqual([]);
      });

      it(`have the markup of the swept page they stand for, but for the listed differences (${kind.why})`, () => {
        const different = copies.filter(
          (path) => withoutScriptHashes(kind.normalise(comparedMarkup(path, kind.compare))) !== withoutScriptHashes(comparedMarkup(kind.sweptAs(path), kind.compare)),
        );
        expect(different).toEqual([]);
      });

      it('share one page chrome (everything outside the main content), so the samples sweep it for all', () => {
        const chrome = chromeMarkup(kind.samples[0]!).replace(/<title>.*<\/title>/, '');
        const different = copies.filter((path) => chromeMarkup(path) !== chrome);
        expect(different).toEqual([]);
      });
    });
  }

  it('are each of one kind only', () => {
    expect(pages.filter((path) => copyKinds.filter((kind) => kind.pattern.test(path)).length > 1)).toEqual([]);
    expect(copyKindOf('/where-to-complain/')).toBeUndefined();
  });
});
