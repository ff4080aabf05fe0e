/**
 * Plain-English measures for guide pages: MDX to plain text, sentences, syllables,
 * Flesch-Kincaid, and the limits from docs/writing-guides.md. Pure functions with no
 * dependencies, so the unit tests and the content gate share one idea of "readable".
 */

export interface ReadabilityLimits {
  readonly maxGrade: number;
  readonly maxSentenceWords: number;
  readonly maxAverageSentenceWords: number;
}

/** The guide-writing rules: grade 8, no sentence over 30 words, an average of 18 or fewer. */
export const readabilityLimits: ReadabilityLimits = Object.freeze({ maxGrade: 8, maxSentenceWords: 30, maxAverageSentenceWords: 18 });

/** For easy-read versions, whose readers need shorter sentences still. */
export const easyReadLimits: ReadabilityLimits = Object.freeze({ maxGrade: 5, maxSentenceWords: 15, maxAverageSentenceWords: 12 });

export interface SentenceLength {
  readonly words: number;
  readonly text: string;
}

export interface ReadabilityReport {
  readonly words: number;
  readonly sentences: number;
  readonly syllables: number;
  readonly averageSentenceLength: number;
  readonly longestSentence: SentenceLength;
  readonly fleschKincaidGrade: number;
  readonly fleschReadingEase: number;
  /** Every sentence, so a check can name each one that is too long, not only the longest. */
  readonly sentenceLengths: readonly SentenceLength[];
}

export interface ReadabilityOptions {
  /** Glossary terms: the site links each to its definition, so readers learn it once. */
  readonly easyTerms?: readonly string[];
}

// ---------------------------------------------------------------- MDX to text

/** The words a reader sees, one block (heading, list item, table cell, paragraph) per paragraph. */
export function mdxToPlainText(source: string): string {
  const body = withoutFrontmatter(source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const prose = withoutTags(withoutExpressions(withoutComments(withoutEsm(withoutCodeFences(body)))));
  return toBlocks(prose.split('\n')).map(withoutInlineMarkup).map(endAsSentence).filter((block) => block !== '').join('\n\n');
}

function withoutFrontmatter(text: string): string {
  return text.replace(/^---[ \t]*\n[\s\S]*?\n---[ \t]*(?:\n|$)/, '');
}

function withoutCodeFences(text: string): string {
  const kept: string[] = [];
  let fence: string | undefined;
  for (const line of text.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker === undefined) kept.push(line);
    else if (fence === undefined) fence = marker;
    else if (marker !== undefined && closesFence(line, marker, fence)) fence = undefined;
    if (fence !== undefined || marker !== undefined) kept.push(''); // keeps line count and ends the paragraph before
  }
  return kept.join('\n');
}

function closesFence(line: string, marker: string, fence: string): boolean {
  return marker[0] === fence[0] && marker.length >= fence.length && /^\s*[`~]+\s*$/.test(line);
}

/** MDX reads import/export only at the start of a block, and until the next blank line. */
function withoutEsm(text: string): string {
  const kept: string[] = [];
  let inEsm = false;
  let previousBlank = true;
  for (const line of text.split('\n')) {
    const blank = line.trim() === '';
    if (blank) inEsm = false;
    else if (previousBlank && /^(?:import|export)\s/.test(line)) inEsm = true;
    kept.push(inEsm ? '' : line);
    previousBlank = blank;
  }
  return kept.join('\n');
}

function withoutComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, ' ');
}

/** Innermost first, so nested braces (objects in props) go too. */
function withoutExpressions(text: string): string {
  let previous: string;
  let current = text;
  do {
    previous = current;
    current = current.replace(/\{[^{}]*\}/g, ' ');
  } while (current !== previous);
  return current;
}

/** Attributes whose values components show as text, such as a callout's title. */
const visibleAttribute = /\b(?:title|heading|summary|caption|label)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Autolinks keep their address; tags become a space so words either side stay apart. */
function withoutTags(text: string): string {
  return text
    .replace(/<((?:https?:\/\/|mailto:)[^>\s]+|[^>\s@]+@[^>\s@]+)>/g, '$1')
    .replace(/<\/?(?:[A-Za-z][\w.:-]*(?:\s[^<>]*?)?)?\/?>/g, visibleTextOfTag);
}

/** A shown attribute becomes its own block, so it is read like the heading it looks like. */
function visibleTextOfTag(tag: string): string {
  const shown = [...tag.matchAll(visibleAttribute)].map((match) => match[1] ?? match[2] ?? '').filter((value) => value.trim() !== '');
  return shown.length === 0 ? ' ' : `\n\n${shown.join('\n\n')}\n\n`;
}

const headingLine = /^#{1,6}\s+(.*?)(?:\s+#+)?$/;
const listItemLine = /^(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const thematicBreakLine = /^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+)$/;
const tableSeparatorLine = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/;
const referenceDefinitionLine = /^\[[^\]]+\]:\s*\S+/;

/** Headings, list items and table cells each stand alone, so none is glued to the next sentence. */
function toBlocks(lines: readonly string[]): string[] {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let inTable = false;
  let inQuote = false;
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push(paragraph.join(' '));
    paragraph = [];
  };
  for (const raw of lines) {
    const quoted = /^\s*>/.test(raw);
    if (quoted && !inQuote) flush(); // a quote starts a new block even without a blank line
    inQuote = quoted;
    const line = raw.replace(/^(?:\s*>)+/, '').trim();
    if (line === '' || thematicBreakLine.test(line) || referenceDefinitionLine.test(line)) {
      flush();
      inTable = false;
    } else if (tableSeparatorLine.test(line) && line.includes('-') && (line.includes('|') || paragraph.length > 0)) {
      const header = paragraph.pop();
      flush();
      if (header !== undefined) blocks.push(...tableCells(header));
      inTable = true;
    } else if (inTable && line.includes('|')) {
      blocks.push(...tableCells(line));
    } else {
      const heading = headingLine.exec(line)?.[1];
      const item = listItemLine.exec(line)?.[1];
      if (heading !== undefined || item !== undefined) flush();
      paragraph.push(heading ?? item ?? line);
      if (heading !== undefined) flush();
    }
  }
  flush();
  return blocks;
}

function tableCells(row: string): string[] {
  return row.replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim()).filter((cell) => cell !== '');
}

const entities: Readonly<Record<string, string>> = { amp: '&', nbsp: ' ', lt: '<', gt: '>', quot: '"', apos: "'", rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', ndash: '–', mdash: '—', pound: '£', hellip: '…' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** Link text and emphasised words stay; the markdown that wraps them goes. */
function withoutInlineMarkup(block: string): string {
  return decodeEntities(block)
    .replace(/!\[[^\]]*\]\((?:[^()]|\([^()]*\))*\)/g, ' ') // alt text describes a picture, it is not part of the reading flow
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/(`+)(.*?)\1/g, '$2')
    .replace(/(?<!\\)(?:\*+|~~)/g, '')
    .replace(/(?<![\p{L}\p{N}\\])_+|(?<!\\)_+(?![\p{L}\p{N}])/gu, '') // keeps snake_case whole
    .replace(/\\(?=[^\s\p{L}\p{N}])/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function endAsSentence(block: string): string {
  if (!/[\p{L}\p{N}]/u.test(block)) return '';
  if (/[.!?…]["'”’)\]]*$/.test(block)) return block;
  return `${block.replace(/[\s,:;–—-]+$/, '')}.`;
}

// ----------------------------------------------------------------- sentences

/** Full stops after these never end a sentence: a name, an example or a comparison follows. */
const neverEndsAfter = new Set(['eg', 'ie', 'cf', 'vs', 'viz', 'approx', 'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'sgt', 'insp', 'supt', 'cllr', 'rev', 'hon']);

/** These abbreviate when a number follows: "No. 10", "reg. 29", "Sch. 3". */
const abbreviatesBeforeNumber = new Set(['no', 'nos', 'para', 'paras', 'reg', 'regs', 'sch', 'art', 'arts', 'sec', 's', 'ss', 'p', 'pp', 'ch', 'c', 'vol', 'fig']);

export function splitSentences(text: string): string[] {
  return text.split(/\n\s*\n/).flatMap(splitParagraph).filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

function splitParagraph(paragraph: string): string[] {
  const flat = paragraph.replace(/\s+/g, ' ').trim();
  const sentences: string[] = [];
  let start = 0;
  // A mark must be followed by a space or the end, so decimals such as 2.5 are never split.
  for (const mark of flat.matchAll(/[.!?…]+["'”’)\]]*(?= |$)/g)) {
    const end = mark.index + mark[0].length;
    if (endsSentence(flat.slice(start, mark.index), mark[0], flat.slice(end))) {
      sentences.push(flat.slice(start, end).trim());
      start = end;
    }
  }
  sentences.push(flat.slice(start).trim());
  return sentences.filter((sentence) => sentence !== '');
}

function endsSentence(before: string, mark: string, after: string): boolean {
  if (/[!?]/.test(mark)) return true;
  const next = after.trimStart().replace(/^["'“‘([]+/, '');
  if (next === '') return true;
  const previous = (/(\S+)$/.exec(before)?.[1] ?? '').replace(/^["'“‘([]+/, '');
  const key = previous.toLowerCase().replace(/\./g, '');
  if (neverEndsAfter.has(key)) return false;
  if (abbreviatesBeforeNumber.has(key) && /^\d/.test(next)) return false;
  if (/^\p{Lu}$/u.test(previous) && /^\p{Lu}/u.test(next)) return false; // an initial: "J. Smith"
  // A lower-case start means the stop belonged to an abbreviation we do not list ("etc. and").
  return !/^\p{Ll}/u.test(next);
}

// ----------------------------------------------------------------- syllables

/** Words the rules below get wrong and that guides are likely to use. */
const knownSyllables: Readonly<Record<string, number>> = {
  anyone: 3, area: 3, areas: 3, business: 2, businesses: 3, create: 2, created: 3, creates: 2, creating: 3, creation: 3,
  element: 3, elements: 3, evening: 2, idea: 3, ideas: 3, ideal: 3, maybe: 2, science: 2, wednesday: 2, poem: 2, poet: 2,
};

/** First halves of compounds whose silent e would otherwise be counted: some-one, there-fore. */
const compoundStarts = ['some', 'where', 'there', 'here', 'home', 'life', 'time', 'case', 'safe', 'whole', 'care', 'none', 'else'];

/** Suffixes after a silent e, which the vowel-group count would otherwise sound: state-ment, safe-ty. */
const suffixesAfterSilentE = ['fully', 'lessly', 'ments', 'ment', 'ness', 'less', 'ful', 'ly', 'ty'];

/** Where two written vowels are two spoken syllables (or y between vowels is a consonant). Order matters. */
const syllableBreaks: ReadonlyArray<readonly [RegExp, string]> = [
  [/([aeiou])y(?=[aeiou])/g, '$1-'], // player, mayor, employer
  [/([aeiou])(?=ing)/g, '$1-'], // going, being, seeing
  [/([^aeiou])y(?=ing)/g, '$1y-'], // trying, applying
  [/(?<![cghstx])i(?=[aou])/g, 'i-'], // media, period, various, premium; not -tion, -cial, -gion, -shion
  [/(lli|ni(?=-o[nr])|vi(?=-our)|li(?=-ar))-/g, '$1'], // million, opinion, senior, behaviour, familiar: the i is a glide
  [/i(?=e(?:n[ct]|rs?$|st$|t))/g, 'i-'], // client, experience, easier, quiet
  [/(?<=[ct])i-(?=e)/g, 'i'], // patient, efficient
  [/(?<![gq])u(?=a|ou|e[nl])/g, 'u-'], // actual, continuous, influence, fuel
  [/(?<!g)e(?=o)(?!ople)/g, 'e-'], // video, theory; not people, pigeon
  [/^re(?=[iu])/, 're-'], // reinvestigate, reuse
  [/(?<=[^aeiou])ism(?=s?$)/, 'isem'], // criticism: the m is a syllable
];

/**
 * An estimate of spoken syllables. Numbers, addresses and capitalised abbreviations count as one,
 * because readers take them in as a single unit.
 */
export function countSyllables(word: string): number {
  const token = word.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (token === '' || /\d/.test(token) || isInitialism(token) || /@|:\/\/|^www\./i.test(token)) return 1;
  const parts = token.split(/[-‐–—/]+/).filter((part) => /\p{L}/u.test(part));
  return Math.max(1, parts.reduce((sum, part) => sum + partSyllables(part), 0));
}

function isInitialism(token: string): boolean {
  return /^\p{Lu}{2,}(?:[’']?s)?$/u.test(token) || /^(?:\p{L}\.)+\p{L}$/u.test(token);
}

function partSyllables(part: string): number {
  const lower = part.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const possessive = /^(.*)[’']s$/.exec(lower)?.[1];
  const negative = /^(.*n)[’']t$/.exec(lower)?.[1];
  const base = (possessive ?? negative ?? lower).replace(/[^a-z]/g, '');
  // "police's" and "isn't" add a spoken syllable; "Met's" and "don't" do not.
  const extra = (possessive !== undefined && /(?:s|x|z|ce|ge|se|ch|sh)$/.test(possessive)) || (negative !== undefined && /[^aeiouy]n$/.test(negative)) ? 1 : 0;
  return base === '' ? 1 : letterSyllables(base) + extra;
}

function letterSyllables(letters: string): number {
  const known = knownSyllables[letters];
  if (known !== undefined) return known;
  const start = compoundStarts.find((first) => letters.startsWith(first) && /[aeiouy]/.test(letters.slice(first.length)) && !letters.startsWith('ver', first.length) && letters.length - first.length >= 2);
  if (start !== undefined) return letterSyllables(start) + letterSyllables(letters.slice(start.length));
  const suffix = suffixesAfterSilentE.find((end) => letters.endsWith(end) && letters.length - end.length >= 3 && /[^aeiouy]e$/.test(letters.slice(0, -end.length)));
  if (suffix !== undefined) return letterSyllables(letters.slice(0, -suffix.length)) + letterSyllables(suffix);
  return Math.max(1, vowelGroups(withSyllableBreaks(withoutSilentLetters(letters)))); // "the", "shed": every spoken piece has one
}

function withoutSilentLetters(letters: string): string {
  return letters
    .replace(/qu/g, 'q') // the u of "qu" is a consonant sound: quite, equal
    .replace(/(^|n)gu(?=[aeiy])/g, '$1g') // guide, language
    .replace(/(?<![sxzcg]|[cs]h|[^aeiouy][lr])(?<=[^aeiou])e(?=s$)/, '') // makes, times; not places, tables
    .replace(/(?<![td]|[^aeiouyl]l|[^aeiouyr]r)(?<=[^aeiou])e(?=d$)/, '') // asked, called; not wanted, handled
    .replace(/(?<![^aeiouy][lr])(?<=[^aeiouy])e$/, ''); // silent e (make, whole, recede) but not table, centre
}

function withSyllableBreaks(letters: string): string {
  return syllableBreaks.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), letters);
}

function vowelGroups(letters: string): number {
  return letters.match(/[aeiouy]+/g)?.length ?? 0;
}

// --------------------------------------------------------------- the scores

const termStart = '\uE000';
const termEnd = '\uE001';

/** Flesch-Kincaid and Flesch reading ease for plain text (use mdxToPlainText first for MDX). */
export function readability(text: string, options: ReadabilityOptions = {}): ReadabilityReport {
  const { masked, restore } = maskEasyTerms(text, options.easyTerms ?? []);
  const measured = splitSentences(masked).map(measureSentence).filter((sentence) => sentence.words > 0);
  const words = sum(measured.map((sentence) => sentence.words));
  const syllables = sum(measured.map((sentence) => sentence.syllables));
  const sentenceLengths = measured.map((sentence) => ({ words: sentence.words, text: restore(sentence.text) }));
  const longestSentence = sentenceLengths.reduce<SentenceLength>((longest, sentence) => (sentence.words > longest.words ? sentence : longest), { words: 0, text: '' });
  const wordsPerSentence = measured.length === 0 ? 0 : words / measured.length;
  const syllablesPerWord = words === 0 ? 0 : syllables / words;
  return {
    words,
    sentences: measured.length,
    syllables,
    averageSentenceLength: wordsPerSentence,
    longestSentence,
    fleschKincaidGrade: words === 0 ? 0 : 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59,
    fleschReadingEase: words === 0 ? 0 : 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord,
    sentenceLengths,
  };
}

function measureSentence(text: string): { words: number; syllables: number; text: string } {
  const tokens = text
    .split(/[\s–—]+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}\uE000]+|[^\p{L}\p{N}\uE001]+$/gu, ''))
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
  const syllables = sum(tokens.map((token) => (token.includes(termStart) ? 1 : countSyllables(token))));
  return { words: tokens.length, syllables, text };
}

/**
 * Replaces each glossary term with one placeholder word, longest term first so a long term
 * wins over a shorter one inside it. The placeholder carries no full stop, so "Sch. 3" cannot split.
 */
function maskEasyTerms(text: string, terms: readonly string[]): { masked: string; restore: (sentence: string) => string } {
  const pattern = easyTermPattern(terms);
  if (pattern === undefined) return { masked: text, restore: (sentence) => sentence };
  const found: string[] = [];
  const masked = text.replace(pattern, (match) => `${termStart}${found.push(match) - 1}${termEnd}`);
  const restore = (sentence: string): string => sentence.replace(/\uE000(\d+)\uE001/g, (_whole, index: string) => found[Number(index)] ?? '');
  return { masked, restore };
}

function easyTermPattern(terms: readonly string[]): RegExp | undefined {
  const byKey = new Map<string, string>();
  for (const term of terms) {
    const tidy = term.trim().replace(/\s+/g, ' ');
    if (/[\p{L}\p{N}]/u.test(tidy)) byKey.set(tidy.toLowerCase(), tidy);
  }
  if (byKey.size === 0) return undefined;
  const alternatives = [...byKey.values()]
    .sort((a, b) => b.length - a.length)
    .map((term) => term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

// ---------------------------------------------------------------- the check

/** Problems a writer can act on, worst first; an empty list means the text is within the limits. */
export function checkReadability(report: ReadabilityReport, limits: ReadabilityLimits): string[] {
  if (report.words === 0) return ['No readable text found'];
  const problems: string[] = [];
  // Compare what the message shows, so "8.0 (limit 8)" is never reported as a problem.
  const grade = oneDecimal(report.fleschKincaidGrade);
  if (grade > limits.maxGrade) problems.push(`Flesch-Kincaid grade ${grade.toFixed(1)} (limit ${limits.maxGrade}): use shorter sentences and everyday words`);
  const average = oneDecimal(report.averageSentenceLength);
  if (average > limits.maxAverageSentenceWords) problems.push(`Average sentence of ${average.toFixed(1)} words (limit ${limits.maxAverageSentenceWords})`);
  for (const sentence of report.sentenceLengths) {
    if (sentence.words > limits.maxSentenceWords) problems.push(`Sentence of ${sentence.words} words (limit ${limits.maxSentenceWords}): '${opening(sentence.text)}'`);
  }
  return problems;
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Enough of a sentence to find it in the file, short enough to read in a test failure. */
function opening(sentence: string, words = 12): string {
  const all = sentence.split(/\s+/);
  return all.length <= words ? sentence : `${all.slice(0, words).join(' ')} ...`;
}
