/**
 * Words for the query layer around Pagefind (which stems its own index): the
 * same rules turn queries, best bet patterns and page titles into terms, so
 * "replied", "reply" and "replies" meet when matching best bets, naming a page
 * or marking words. The stemmer is deliberately small (plurals, -ed, -ing, -y).
 */

/** Words that say how a question is asked, not what it is about. */
export const stopWords: ReadonlySet<string> = new Set(
  ('a an the i im ive me my mine myself we us our you your yours he him his she her they them their it its ' +
    'is am are was were be been being have has had having do does did doing done to of in on at for with ' +
    'about by from into onto and or but if so that this these those there here how what whats when where ' +
    'which who whom why can cant could would should will shall may might must want need get got please ' +
    'just as than then too very also up out off all some any someone somebody something thing things tell ' +
    'know find ok okay hi hello').split(' '),
);

/** Lower case, no accents, curly apostrophes straightened. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'");
}

/** The words of a text in order, lower case, with apostrophes dropped ("don't" -> "dont"). */
export function words(text: string): string[] {
  return normalise(text).replace(/'/g, '').match(/[a-z0-9]+/g) ?? [];
}

const vowel = /[aeiouy]/;

/** A light English stemmer: enough to join the forms people type with the forms pages use. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d/.test(w)) return w;
  if (/sses$/.test(w)) w = w.slice(0, -2);
  else if (/ies$/.test(w)) w = w.slice(0, -3) + 'i';
  else if (/[^su]s$/.test(w) && !/[^aeiou]is$/.test(w)) w = w.slice(0, -1);
  if (/ied$/.test(w)) w = w.slice(0, -3) + 'i';
  else if (/(ed|ing)$/.test(w)) {
    const base = w.replace(/(ed|ing)$/, '');
    if (base.length >= 3 && vowel.test(base)) {
      w = base;
      // "stopped" -> "stop", but "called" and "missed" keep their double letter.
      if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
    }
  }
  if (w.length > 3 && /[^aeiou]y$/.test(w)) w = w.slice(0, -1) + 'i';
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

