import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReadability, mdxToPlainText, readability, readabilityLimits, type ReadabilityReport } from '../../src/lib/readability';

// Every guide is checked, archived ones too: readers still land on them from search.
const guidesFolder = new URL('../../src/content/guides/', import.meta.url);
const glossaryFile = new URL('../../src/content/data/glossary.json', import.meta.url);

interface GlossaryEntry {
  readonly term: string;
  readonly aliases?: readonly string[];
}

function isGlossaryEntry(value: unknown): value is GlossaryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { term, aliases } = value as { term?: unknown; aliases?: unknown };
  return typeof term === 'string' && (aliases === undefined || (Array.isArray(aliases) && aliases.every((alias) => typeof alias === 'string')));
}

/** Glossary terms are linked to their definitions, so the scores count each as one easy word. */
function glossaryTerms(): string[] {
  if (!existsSync(glossaryFile)) return []; // the glossary may not be written yet
  const entries: unknown = JSON.parse(readFileSync(glossaryFile, 'utf8'));
  if (!Array.isArray(entries) || !entries.every(isGlossaryEntry)) {
    throw new Error('src/content/data/glossary.json must be an array of { term: string, aliases: string[] }');
  }
  return entries.flatMap((entry) => [entry.term, ...(entry.aliases ?? [])]);
}

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

/** Aligned columns, so the figures read well in a terminal and in CI logs. */
function figuresTable(scores: readonly PageScore[]): string {
  const header = ['page', 'words', 'sentences', 'avg sentence', 'longest', 'FK grade', 'check'];
  const rows = scores.map(({ page, report, problems }) => [
    page,
    String(report.words),
    String(report.sentences),
    report.averageSentenceLength.toFixed(1),
    String(report.longestSentence.words),
    report.fleschKincaidGrade.toFixed(1),
    problems.length === 0 ? 'ok' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

const easyTerms = glossaryTerms();
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
