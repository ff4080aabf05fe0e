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

// Anything@anything.tld, without spaces; also "name @ example . com" typed with spaces around the @.
const emailPattern = /[^\s@<>()[\]"',;:]+\s?@\s?[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]*[^\s@<>()[\]"',;:.]/gu;

// A run that starts with +, ( or a digit and is made of digits and the separators people put
// in phone numbers (spaces, dots, hyphens, brackets, slashes), ending in a digit.
const digitRunPattern = /(?<![\p{L}\p{N}])(?:\+|\(\s*\+?)?\d[\d\s().\-/]{5,}\d(?![\p{L}\p{N}])/gu;

/** UK numbers have 10 or 11 digits (12 or 13 with +44 or 0044); other countries up to 15. */
const minimumPhoneDigits = 10;

export function redactPersonalData(text: string): string {
  return text
    .replace(emailPattern, emailPlaceholder)
    .replace(digitRunPattern, (run) => (run.replace(/\D/g, '').length >= minimumPhoneDigits ? phonePlaceholder : run));
}
