/**
 * Equivalent pages once, different pages always.
 *
 * The browser sweep (tests/e2e/accessibility.spec.ts) opens every built page except the copies
 * listed here: pages built from the same template as a page that is swept, whose markup differs
 * from it only in ways that cannot change what the browser checks find. Each kind of copy is
 * swept through a few samples (so its own page chrome and styles are checked in a browser), and
 * tests/build/built-pages.test.ts proves on every build that every copy's markup matches the page
 * it stands for once the listed differences are taken out. A copy whose markup drifts from its
 * swept page fails that test, and then belongs in the sweep.
 *
 * Every page, copies included, still gets the checks on the built HTML in vitest (headings,
 * landmarks, links, scripts, third-party addresses, alt text, labels).
 */
import { builtPagePaths } from './built-pages.ts';

export interface CopyKind {
  /** What these pages are. */
  readonly name: string;
  /** Matches the paths of the copies. */
  readonly pattern: RegExp;
  /** The swept page whose markup each copy must match. */
  readonly sweptAs: (path: string) => string;
  /** The part of the page compared: 'main' for the content, 'body' for the whole page. */
  readonly compare: 'main' | 'body';
  /** Takes out the differences a copy is allowed to have, from the copy's compared markup. */
  readonly normalise: (html: string) => string;
  /** The copies still opened in the browser, so the copies' own chrome and styles are swept. */
  readonly samples: readonly string[];
  /** Why sampling cannot miss a problem on these pages. */
  readonly why: string;
}

/** Script file names carry a content hash that differs between the two layouts; the script is the same island. */
export const withoutScriptHashes = (html: string) => html.replace(/(\/_astro\/[^"]*?)\.[A-Za-z0-9_-]{8}\.js/g, '$1.js');

export const copyKinds: readonly CopyKind[] = [
  {
    name: 'embed copies of the wizard',
    pattern: /^\/embed\/where-to-complain\/[^/]+\/$/,
    sweptAs: (path) => path.replace(/^\/embed/, ''),
    compare: 'main',
    normalise: (html) =>
      withoutScriptHashes(
        html
          // Links inside the wizard stay in the frame, under /embed/.
          .replaceAll('/embed/where-to-complain/', '/where-to-complain/')
          // Links out of the wizard open the site in a new tab, and say so.
          .replace(/<a ([^>]*?)href="https?:\/\/[^/"]+(\/[^"]*)"([^>]*?) target="_blank" rel="noopener">/g, '<a $1href="$2"$3>')
          .replaceAll(' (opens in a new tab)</a>', '</a>'),
      ),
    // A question, and the result with the most steps and links. The embed's start page is not a
    // copy (it differs from the standalone start page), so the sweep opens it as a page of its own.
    samples: ['/embed/where-to-complain/which-force/', '/embed/where-to-complain/review-by-mopac/'],
    why:
      'the main content is the standalone wizard page (swept at every width, light and dark) with links rewritten; ' +
      'the embed chrome and its one stylesheet rule (.embed-body .main) are the same on every embed page, ' +
      'so the start page and two samples sweep them; each result is still swept through its own standalone copy',
  },
  {
    name: 'filled-in copies of the accessible-format request form',
    pattern: /^\/accessible-formats\/request\/[^/]+\/$/,
    sweptAs: () => '/accessible-formats/request/',
    compare: 'body',
    normalise: (html) =>
      html
        .replace(/<input type="hidden" name="documentId" value="[^"]*">/, '')
        .replace(/(<input class="input" type="text") value="[^"]*"( id="documentTitle")/, '$1$2'),
    // The copy with the longest document title, the most text in the one field that differs.
    samples: ['/accessible-formats/request/mpa-briefing-09-2009/'],
    why:
      'each copy is the blank form with the document filled in (a hidden field and one value): ' +
      'a value inside a fixed-width text box cannot change contrast, targets, reflow or focus',
  },
];

export const copyKindOf = (path: string): CopyKind | undefined => copyKinds.find((kind) => kind.pattern.test(path));

/** The pages the browser sweep opens: every built page but the copies, plus each kind's samples. */
export function sweptPagePaths(all: readonly string[] = builtPagePaths()): string[] {
  return all.filter((path) => {
    const kind = copyKindOf(path);
    return !kind || kind.samples.includes(path);
  });
}
