import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReadability, easyReadLimits, readability, type ReadabilityReport } from '../support/readability/score.ts';
import { mdxText } from '../support/readability/text.ts';
import { easyReadSchema } from '../../src/lib/schemas/easy-read.ts';
import { figuresTable, glossaryEasyTerms } from '../support/readability-report.ts';

// Every easy read page: its frontmatter, the guide it summarises, and the stricter easy read limits.
const easyReadFolder = new URL('../../src/content/easy-read/', import.meta.url);
const guidesFolder = new URL('../../src/content/guides/', import.meta.url);

/** Not a guide file: the easy read version of the "where to complain" tool at /where-to-complain/. */
const toolIds: readonly string[] = ['where-to-complain'];

/** Glossary terms are linked to their definitions, so the scores count each as one easy word. */
function easyReadFiles(): string[] {
  if (!existsSync(easyReadFolder)) return [];
  return readdirSync(easyReadFolder)
    .filter((name) => name.endsWith('.mdx'))
    .sort();
}

/** A YAML scalar as written on one line: plain, 'single quoted' or "double quoted". */
function scalar(raw: string): string {
  const value = raw.trim();
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1).replace(/\\(["\\])/g, '$1');
  return value.replace(/\s+#.*$/, '');
}

/** Easy read frontmatter is flat `key: value` lines, so a tiny parser is enough. Unreadable lines are reported. */
function parseFrontmatter(source: string): { data: Record<string, string>; problems: string[] } {
  const block = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source.replace(/^\uFEFF/, ''))?.[1];
  if (block === undefined) return { data: {}, problems: ['No frontmatter: start the file with a --- block'] };
  const data: Record<string, string> = {};
  const problems: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = /^([A-Za-z][\w-]*):(?:\s+(.*))?$/.exec(line);
    if (match?.[1] === undefined) problems.push(`Frontmatter line is not "key: value": '${line}'`);
    else if (match[1] in data) problems.push(`Frontmatter key "${match[1]}" appears twice`);
    else data[match[1]] = scalar(match[2] ?? '');
  }
  return { data, problems };
}

interface PageCheck {
  readonly page: string;
  readonly report: ReadabilityReport;
  readonly problems: readonly string[];
}

function checkPage(fileName: string, easyTerms: readonly string[]): PageCheck {
  const source = readFileSync(new URL(fileName, easyReadFolder), 'utf8');
  const { data, problems } = parseFrontmatter(source);
  const parsed = easyReadSchema.safeParse(data);
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => `Frontmatter ${issue.path.join('.') || '(page)'}: ${issue.message}`));
  else if (!toolIds.includes(parsed.data.guide) && !existsSync(new URL(`${parsed.data.guide}.mdx`, guidesFolder))) {
    problems.push(`guide "${parsed.data.guide}" does not exist: no src/content/guides/${parsed.data.guide}.mdx`);
  }
  const report = readability(mdxText(source), { easyTerms });
  problems.push(...checkReadability(report, easyReadLimits));
  return { page: fileName.replace(/\.mdx$/, ''), report, problems };
}

const easyTerms = glossaryEasyTerms();
const checks = easyReadFiles().map((fileName) => checkPage(fileName, easyTerms));

describe('easy read pages', () => {
  beforeAll(() => {
    if (checks.length > 0) console.log(`Readability of easy read pages (limits: grade ${easyReadLimits.maxGrade}, sentence ${easyReadLimits.maxSentenceWords} words, average ${easyReadLimits.maxAverageSentenceWords}; ${easyTerms.length} glossary terms count as easy words)\n${figuresTable(checks)}`);
  });

  if (checks.length === 0) {
    it('finds easy read pages to check', () => {
      expect.fail('No easy read files (*.mdx) found in src/content/easy-read/, so nothing was checked');
    });
  }

  for (const { page, problems } of checks) {
    it(`${page} has valid frontmatter, names a real guide and meets the easy read limits`, () => {
      expect(problems, `src/content/easy-read/${page}.mdx`).toEqual([]);
    });
  }
});
