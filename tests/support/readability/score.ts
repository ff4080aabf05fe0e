/**
 * Plain-English measures: sentences, syllables, Flesch-Kincaid and the limits from
 * docs/writing-guides.md. Test tooling, not product: the content gates and their unit tests
 * share this one idea of "readable". Text comes from ./text.ts (a real MDX or HTML parser).
 */
import { syllable } from 'syllable';

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

/**
 * Spoken syllables, from the maintained `syllable` package (the counter retext-readability uses).
 * Two house rules sit on top: numbers, web and email addresses and capitalised abbreviations
 * (MPS, IOPC) count as one, because readers take each in as a single unit; the package would
 * count a number as none.
 */
export function countSyllables(word: string): number {
  const token = word.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (token === '' || /\d/.test(token) || isInitialism(token) || /@|:\/\/|^www\./i.test(token)) return 1;
  return Math.max(1, syllable(token));
}

function isInitialism(token: string): boolean {
  return /^\p{Lu}{2,}(?:[’']?s)?$/u.test(token) || /^(?:\p{L}\.)+\p{L}$/u.test(token);
}

// --------------------------------------------------------------- the scores

const termStart = '\uE000';
const termEnd = '\uE001';

/** Flesch-Kincaid and Flesch reading ease for plain text (see ./text.ts for MDX and built pages). */
export function readability(text: string, options: ReadabilityOptions = {}): ReadabilityReport {
  const { masked, restore } = maskEasyTerms(text, options.easyTerms ?? []);
  const measured = splitSentences(masked).map((sentence) => measureSentence(sentence, restore)).filter((sentence) => sentence.words > 0);
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

/**
 * A glossary term keeps its real length in words, so sentence limits stay honest, but each of its
 * words counts as one syllable: the page links the term to its definition.
 */
function measureSentence(text: string, restore: (sentence: string) => string): { words: number; syllables: number; text: string } {
  const tokens = text
    .split(/[\s–—]+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}\uE000]+|[^\p{L}\p{N}\uE001]+$/gu, ''))
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
  const counts = tokens.map((token) => {
    if (!token.includes(termStart)) return { words: 1, syllables: countSyllables(token) };
    const words = restore(token).split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    return { words, syllables: words };
  });
  return { words: sum(counts.map((count) => count.words)), syllables: sum(counts.map((count) => count.syllables)), text };
}

/**
 * Replaces each glossary term with one placeholder token, longest term first so a long term
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
