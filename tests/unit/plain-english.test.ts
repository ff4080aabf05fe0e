import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReadability, mdxToPlainText, readability, readabilityLimits, type ReadabilityReport } from '../../src/lib/readability';
import { figuresTable, glossaryEasyTerms } from '../support/readability-report.ts';

// Every guide is checked, archived ones too: readers still land on them from search.
const guidesFolder = new URL('../../src/content/guides/', import.meta.url);

/** Glossary terms are linked to their definitions, so the scores count each as one easy word. */
function guideFiles(): string[] {
  if (!existsSync(guidesFolder)) return [];
  return readdirSync(guidesFolder)
    .filter((name) => name.endsWith('.mdx'))
    .sort();
}

interface PageScore {
  readonly page: string;
  readonly report: ReadabilityReport;
  readonly problems: readonly string[];
}

function scorePage(fileName: string, easyTerms: readonly string[]): PageScore {
  const source = readFileSync(new URL(fileName, guidesFolder), 'utf8');
  const report = readability(mdxToPlainText(source), { easyTerms });
  return { page: fileName.replace(/\.mdx$/, ''), report, problems: checkReadability(report, readabilityLimits) };
}

const easyTerms = glossaryEasyTerms();
const scores = guideFiles().map((fileName) => scorePage(fileName, easyTerms));

describe('guides are written in plain English', () => {
  beforeAll(() => {
    if (scores.length > 0) console.log(`Readability of guides (limits: grade ${readabilityLimits.maxGrade}, sentence ${readabilityLimits.maxSentenceWords} words, average ${readabilityLimits.maxAverageSentenceWords}; ${easyTerms.length} glossary terms count as easy words)\n${figuresTable(scores)}`);
  });

  if (scores.length === 0) {
    it('finds guides to check', () => {
      expect.fail('No guide files (*.mdx) found in src/content/guides/, so nothing was checked for plain English');
    });
  }

  for (const { page, problems } of scores) {
    it(`${page} meets the plain-English limits`, () => {
      expect(problems, `${page}.mdx`).toEqual([]);
    });
  }
});
