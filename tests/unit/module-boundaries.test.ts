// The folders are the architecture: storage serves every domain and knows none of them, and
// requests never reach into staff (staff reads requests; whoever needs both composes them).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function importsOf(folder: string): { file: string; target: string }[] {
  const found: { file: string; target: string }[] = [];
  for (const entry of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts')) continue;
    const text = readFileSync(join(folder, entry), 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) found.push({ file: entry, target: match[1]! });
  }
  return found;
}

describe('module boundaries in src/lib', () => {
  it('requests never import staff', () => {
    expect(importsOf('src/lib/requests').filter(({ target }) => target.includes('/staff/'))).toEqual([]);
  });

  it('storage imports no domain', () => {
    const inside = resolve('src/lib/storage');
    const outward = importsOf('src/lib/storage').filter(
      ({ file, target }) => target.startsWith('.') && !resolve(inside, dirname(file), target).startsWith(inside),
    );
    expect(outward).toEqual([]);
  });
});
