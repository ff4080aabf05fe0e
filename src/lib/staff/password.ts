/**
 * Staff passwords: scrypt (node:crypto) with a random salt per password, compared in
 * constant time.
 *
 * A stored hash names its own cost, like `scrypt$32768$8$1$<salt>$<hash>` (base64url), so the
 * cost can be raised later: old hashes still verify, and `needsRehash` says which to redo.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  /** CPU and memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
}

/** About 32 MiB and 50 to 100 ms a hash on a server: slow for guessing, fine for signing in. */
export const defaultScryptCost: Readonly<ScryptCost> = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });

export const minPasswordLength = 12;
/** Long enough for any passphrase; stops a megabyte "password" being hashed. */
export const maxPasswordLength = 256;

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** A hash read from the database is not trusted to ask for unbounded memory or time. */
const LIMITS = { N: 2 ** 20, r: 32, p: 16 };

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128 * N * r bytes; Node refuses anything over maxmem (32 MiB by default).
    const maxmem = 256 * cost.N * cost.r + 1024 * 1024;
    scrypt(normalise(password), salt, KEY_BYTES, { ...cost, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** The same password typed on two keyboards can arrive in two Unicode forms; hash one of them. */
function normalise(password: string): string {
  return password.normalize('NFC');
}

/** The number of characters a person would count (not UTF-16 code units). */
function characters(password: string): number {
  return [...normalise(password)].length;
}

/** Why a new password cannot be used, or undefined when it can. */
export function passwordProblem(password: string): string | undefined {
  const length = characters(password);
  if (length < minPasswordLength) return `The password must be ${minPasswordLength} characters or more`;
  if (length > maxPasswordLength) return `The password must be ${maxPasswordLength} characters or fewer`;
  if (password.trim() !== password) return 'The password must not start or end with a space';
  return undefined;
}

export async function hashPassword(password: string, cost: ScryptCost = defaultScryptCost): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const isPowerOfTwo = Number.isSafeInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!isPowerOfTwo || N > LIMITS.N) return undefined;
  if (!Number.isSafeInteger(r) || r < 1 || r > LIMITS.r || !Number.isSafeInteger(p) || p < 1 || p > LIMITS.p) return undefined;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < 8 || key.length !== KEY_BYTES) return undefined;
  return { cost: { N, r, p }, salt, key };
}

/** True only for the password the hash was made from. A malformed hash matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || characters(password) > maxPasswordLength) return false;
  const key = await derive(password, parsed.salt, parsed.cost);
  // Both are KEY_BYTES long (checked in parseHash), which timingSafeEqual requires.
  return timingSafeEqual(key, parsed.key);
}

/** True when a hash was made with a lower cost than `cost`, so it should be remade at the next sign-in. */
export function needsRehash(stored: string, cost: ScryptCost = defaultScryptCost): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p;
}

/** No 0/O, 1/I/L: easy to read out and type from a note. */
const PASSWORD_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
/** 248 is the largest multiple of 31 below 256: bytes at or above it would bias the choice. */
const UNBIASED_LIMIT = 256 - (256 % PASSWORD_ALPHABET.length);

/**
 * A random password like `k7q2-9mxe-...`: 24 characters from 31 (about 119 bits) in groups of
 * four, for `npm run staff -- add` when no STAFF_PASSWORD is given.
 */
export function generatePassword(random: (size: number) => Uint8Array = randomBytes): string {
  let characters = '';
  for (let draws = 0; characters.length < 24; draws += 1) {
    if (draws === 32) throw new Error('The random source gave too few usable bytes');
    for (const byte of random(32)) {
      if (byte >= UNBIASED_LIMIT) continue;
      characters += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
      if (characters.length === 24) break;
    }
  }
  return characters.match(/.{4}/g)?.join('-') ?? characters;
}
