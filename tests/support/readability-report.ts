import type { ReadabilityReport } from './readability/score.ts';
import { glossary } from '../../src/lib/content/site-data.ts';

export interface PageFigures {
  readonly page: string;
  readonly report: ReadabilityReport;
  readonly problems: readonly string[];
}

/** Glossary terms and their other spellings: each counts as one easy word, since the page links it to a definition. */
export function glossaryEasyTerms(): string[] {
  return glossary.flatMap((entry) => [entry.term, ...entry.aliases]);
}

/** Aligned columns, so the figures read well in a terminal and in CI logs. */
export function figuresTable(pages: readonly PageFigures[]): string {
  const header = ['page', 'words', 'sentences', 'avg sentence', 'longest', 'FK grade', 'check'];
  const rows = pages.map(({ page, report, problems }) => [
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
