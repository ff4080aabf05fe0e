import { describe, expect, it } from 'vitest';
import {
  defaultScryptCost,
  generatePassword,
  hashPassword,
  needsRehash,
  passwordProblem,
  verifyPassword,
} from '../../src/lib/staff/password';

const password = 'correct horse battery staple';

describe('password hashing', () => {
  it('stores scrypt with its cost, a 16-byte salt and a 32-byte key, never the password', async () => {
    const hash = await hashPassword(password);
    const [scheme, N, r, p, salt = '', key = ''] = hash.split('$');
    expect([scheme, Number(N), Number(r), Number(p)]).toEqual(['scrypt', defaultScryptCost.N, defaultScryptCost.r, defaultScryptCost.p]);
    expect(Buffer.from(salt, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    expect(hash).not.toContain(password);
  });

  it('uses a new random salt every time, so the same password never gives the same hash', async () => {
    const hashes = await Promise.all([1, 2, 3].map(() => hashPassword(password)));
    expect(new Set(hashes).size).toBe(3);
    expect(new Set(hashes.map((h) => h.split('$')[4])).size).toBe(3);
  });

  it('verifies the right password and only that', async () => {
    const hash = await hashPassword(password);
    expect(await verifyPassword(password, hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('treats the two Unicode spellings of the same letters as the same password', async () => {
    const composed = 'caf\u00e9 au lait, s\u2019il vous pla\u00eet';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it('matches nothing against a malformed or tampered hash, and refuses absurd costs', async () => {
    const hash = await hashPassword(password);
    const parts = hash.split('$');
    const tamperedKey = [...parts.slice(0, 5), Buffer.alloc(32).toString('base64url')].join('$');
    const shortKey = [...parts.slice(0, 5), 'AAAA'].join('$');
    const hugeCost = ['scrypt', 2 ** 30, 8, 1, ...parts.slice(4)].join('$');
    const notPowerOfTwo = ['scrypt', 1000, 8, 1, ...parts.slice(4)].join('$');
    for (const bad of ['', 'plain text', password, tamperedKey, shortKey, hugeCost, notPowerOfTwo, hash.replace('scrypt', 'bcrypt')]) {
      expect(await verifyPassword(password, bad), bad).toBe(false);
    }
  });

  it('can be made cheaper (tests) or dearer later, and says which hashes to redo', async () => {
    const cheap = await hashPassword(password, { N: 2 ** 10, r: 8, p: 1 });
    expect(await verifyPassword(password, cheap)).toBe(true);
    expect(needsRehash(cheap)).toBe(true);
    expect(needsRehash(await hashPassword(password))).toBe(false);
  });
});

describe('password rules', () => {
  it('needs 12 characters or more, counted as a person would count them', () => {
    expect(passwordProblem('elevenchars')).toMatch(/12 characters or more/);
    expect(passwordProblem('twelve chars')).toBeUndefined();
    // 11 emoji are 22 UTF-16 code units but still only 11 characters.
    expect(passwordProblem('🔑'.repeat(11))).toMatch(/12 characters or more/);
    expect(passwordProblem('x'.repeat(257))).toMatch(/256 characters or fewer/);
    expect(passwordProblem(' leading space here')).toMatch(/space/);
  });

  it('makes strong random passwords that pass its own rules', () => {
    const made = new Set(Array.from({ length: 200 }, () => generatePassword()));
    expect(made.size).toBe(200);
    for (const generated of made) {
      expect(generated).toMatch(/^[2-9a-hjkmnp-z]{4}(?:-[2-9a-hjkmnp-z]{4}){5}$/);
      expect(passwordProblem(generated)).toBeUndefined();
    }
  });

  it('throws away bytes that would bias the choice, and stops a broken random source', () => {
    // 248 and above are discarded: 0 -> "2", 30 -> "z".
    const bytes = [255, 248, 0, 30, ...Array.from({ length: 28 }, () => 1)];
    expect(generatePassword(() => Uint8Array.from(bytes)).slice(0, 4)).toBe('2z33');
    expect(() => generatePassword((size) => new Uint8Array(size).fill(255))).toThrow(/random source/);
  });
});
