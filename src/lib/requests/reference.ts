/**
 * Reference numbers for accessible-format requests, like AF-2026-4K7Q9M2X.
 *
 * The 8 characters are random, not a counter, so nobody can work out another person's
 * reference from their own. The alphabet leaves out 0, O, 1, I and L, which are easy to
 * misread or mishear when a reference is read out over the phone.
 */
import { randomBytes as cryptoRandomBytes } from 'node:crypto';

/** 2-9 and A-Z without I, L and O: 31 characters. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REFERENCE_LENGTH = 8;

/** About 39.6 bits: 31 ** 8 is roughly 8.5 × 10^11 possible references a year. */
export const REFERENCE_BITS = REFERENCE_LENGTH * Math.log2(REFERENCE_ALPHABET.length);

export type RandomBytes = (size: number) => Uint8Array;

const referencePattern = new RegExp(`^AF-\\d{4}-[${REFERENCE_ALPHABET}]{${REFERENCE_LENGTH}}$`);

/**
 * Bytes at or above this are thrown away: 248 is the largest multiple of 31 below 256, so
 * `byte % 31` gives every character the same chance.
 */
const UNBIASED_LIMIT = 256 - (256 % REFERENCE_ALPHABET.length);

/** Far more than ever needed with a real random source; stops a broken one looping for ever. */
const MAX_DRAWS = 32;

function randomCharacters(length: number, randomBytes: RandomBytes): string {
  let characters = '';
  for (let draw = 0; characters.length < length; draw += 1) {
    if (draw === MAX_DRAWS) throw new Error('The random source gave too few usable bytes');
    // Ask for a few spare bytes, since about 3% are thrown away.
    for (const byte of randomBytes(length + 4)) {
      if (byte >= UNBIASED_LIMIT) continue;
      characters += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
      if (characters.length === length) break;
    }
  }
  return characters;
}

/** A new reference for a request received in `year` (the London calendar year). */
export function newReference(year: number, randomBytes: RandomBytes = cryptoRandomBytes): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) {
    throw new RangeError(`Expected a four-digit year, got ${year}`);
  }
  return `AF-${year}-${randomCharacters(REFERENCE_LENGTH, randomBytes)}`;
}

/** Exactly the shape `newReference` makes: upper case, no spaces. */
export function isReference(value: string): boolean {
  return referencePattern.test(value);
}

/**
 * What a person types back to us ("af-2026-4k7q 9m2x") in the shape we store, or undefined
 * when it cannot be one of our references.
 */
export function normaliseReference(value: string): string | undefined {
  const candidate = value.replace(/\s+/g, '').toUpperCase();
  return isReference(candidate) ? candidate : undefined;
}
