import { beforeAll, describe, expect, it } from 'vitest';
import { builtHtml, builtPagePaths } from '../support/built-pages.ts';
import { figuresTable } from '../support/readability-report.ts';
import { checkReadability, easyReadLimits, readability, readabilityLimits, type ReadabilityLimits, type ReadabilityReport } from '../support/readability/score.ts';
import { builtPageText } from '../support/readability/text.ts';

// Every built page is measured as a reader gets it: guides, easy read, topic and index pages,
// tools, the wizard's questions and results, and the error pages. Only <main> counts, so the
// site's header and footer do not dilute a page's figures. A term counts as easy words only on a
// page that links it to its glossary definition. Needs `astro build` first.

/** Easy read pages are for readers who need shorter sentences still. */
function limitsFor(path: string): ReadabilityLimits {
  return path.startsWith('/easy-read/') && path !== '/easy-read/' ? easyReadLimits : readabilityLimits;
}

interface PageScore {
  readonly page: string;
  readonly report: ReadabilityReport;
  readonly problems: readonly string[];
}

const scores: PageScore[] = builtPagePaths().map((page) => {
  const { text, glossaryTerms } = builtPageText(builtHtml(page));
  const report = readability(text, { easyTerms: glossaryTerms });
  return { page, report, problems: checkReadability(report, limitsFor(page)) };
});

describe('every built page is written in plain English', () => {
  beforeAll(() => {
    const limits = (l: ReadabilityLimits): string => `grade ${l.maxGrade}, sentence ${l.maxSentenceWords} words, average ${l.maxAverageSentenceWords}`;
    console.log(
      `Readability of the main content of ${scores.length} built pages (limits: ${limits(readabilityLimits)}; easy read: ${limits(easyReadLimits)}; ` +
        `terms a page links to the glossary count as easy words)\n${figuresTable(scores)}`,
    );
  });

  it('finds the built pages', () => {
    expect(scores.length, 'no HTML pages in dist/client: run "npm run build" first').toBeGreaterThan(0);
  });

  for (const { page, problems } of scores) {
    it(`${page} meets the plain-English limits`, () => {
      expect(problems, page).toEqual([]);
    });
  }
});
