/**
 * Takes email addresses and phone numbers out of what a person typed into "Report a problem
 * with this page" before it is stored. The form asks for no personal data and says so, but
 * people type their details anyway; staff reading reports have no use for them, and text we
 * never keep can never leak.
 *
 * It errs on the side of removing: a long run of digits that might be a phone number goes.
 * Short numbers people mention about the service (999, 101, a date, a reference like
 * MPS-2026-00123) stay, because a phone number has at least 10 digits.
 */

export const emailPlaceholder = '[email address removed]';
export const phonePlaceholder = '[phone number removed]';

/**
 * Characters that show nothing, or only change the direction of text: zero-width spaces and
 * joiners, the word joiner, the byte order mark, the soft hyphen, the Mongolian vowel
 * separator, and the bidirectional marks, embeddings, overrides and isolates. Typed (or
 * pasted) between the digits of a phone number they would hide it from the patterns below.
 */
const invisible = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

/**
 * The text as the patterns see it: NFKC, so full-width digits and letters (０７７００, ＠) and
 * other compatibility forms become the plain ones, with the invisible characters taken out.
 * validateFeedback stores the report in this form.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(invisible, '');
}

// Anything@anything.tld, without spaces; also "name @ example . com" typed with spaces around the @.
const emailPattern = /[^\s@<>()[\]"',;:]+\s?@\s?[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]*[^\s@<>()[\]"',;:.]/gu;

// Email addresses spelled out to get past filters: jane(at)example.com, jane [at] example
// [dot] com, jane at example dot com. The last part must be letters, so "at 3.30" stays.
const local = String.raw`[\p{L}\p{N}._%+\-]+`;
const label = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?`;
const bracketed = (word: string) => String.raw`\s*[(\[{<]\s*${word}\s*[)\]}>]\s*`;
const spelledAt = String.raw`(?:${bracketed('at')}|\s*@\s*|\s+at\s+)`;
const spelledDot = String.raw`(?:${bracketed('dot')}|\s+dot\s+|\.)`;
const spelledEmailPattern = new RegExp(String.raw`(?<![\p{L}\p{N}._%+\-])${local}${spelledAt}${label}(?:${spelledDot}${label})*${spelledDot}\p{L}{2,}(?![\p{L}\p{N}@+_%\-]|\.\p{L})`, 'giu');

// Hyphens and dashes people (and word processors) put between groups of digits.
const dashes = '\\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d';

// A run that starts with +, ( or a digit and is made of digits and the separators people put
// in phone numbers (spaces, dots, hyphens and dashes, brackets, slashes), ending in a digit.
// Digits of any script count (\p{Nd}).
const digitRunPattern = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:\+|\(\s*\+?)?\p{Nd}[\p{Nd}\s()./${dashes}]{5,}\p{Nd}(?![\p{L}\p{N}])`, 'gu');

/** UK numbers have 10 or 11 digits (12 or 13 with +44 or 0044); other countries up to 15. */
const minimumPhoneDigits = 10;

export function redactPersonalData(text: string): string {
  return normaliseText(text)
    .replace(spelledEmailPattern, emailPlaceholder)
    .replace(emailPattern, emailPlaceholder)
    .replace(digitRunPattern, (run) => (run.replace(/\P{Nd}/gu, '').length >= minimumPhoneDigits ? phonePlaceholder : run));
}
