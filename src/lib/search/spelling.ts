/**
 * "Did you mean" for search: a misspelt word finds nothing, or (as Pagefind
 * matches loosely) the wrong pages. The search page corrects each word that is
 * not on the site to the closest word used on the site (/search/query-data.json).
 */
import { normalise, stopWords } from './text.ts';

/** Damerau-Levenshtein distance (with adjacent swaps), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
      rowMin = Math.min(rowMin, best);
    }
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}

/**
 * Short words allow fewer mistakes: "reveiw" is one swap from "review", but
 * "Sadiq" is two from "said" and "son" one from "soon". Words of three letters
 * or fewer are never changed.
 */
const allowedDistance = (word: string) => (word.length <= 3 ? 0 : word.length <= 6 ? 1 : 2);

/** The closest known word, or undefined when the word is known or nothing is close. */
export function closestWord(word: string, vocabulary: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const limit = allowedDistance(lower);
  if (limit === 0 || vocabulary.includes(lower)) return undefined;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of vocabulary) {
    const distance = editDistance(lower, candidate, limit);
    if (distance <= limit && (!best || distance < best.distance || (distance === best.distance && candidate.length < best.word.length))) {
      best = { word: candidate, distance };
    }
  }
  return best?.word;
}

/**
 * The query with each word that is not on the site (nor the start of a word on
 * the site, nor a question word) changed to the closest word on the site, or
 * undefined when nothing changed.
 */
export function suggestSpelling(query: string, vocabulary: readonly string[]): string | undefined {
  const known = new Set(vocabulary);
  let changed = false;
  const fixed = query.replace(/[\p{L}'’]+/gu, (word) => {
    const lower = normalise(word).replace(/'/g, '');
    if (stopWords.has(lower) || known.has(lower) || (lower.length >= 4 && vocabulary.some((v) => v.startsWith(lower)))) return word;
    const fix = closestWord(lower, vocabulary);
    if (!fix) return word;
    changed = true;
    return fix;
  });
  return changed ? fixed : undefined;
}
