import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
let copy: string;

// Builds a throwaway copy of the site with one broken guide, as a maintainer might write it.
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'guide-schema-'));
  for (const entry of ['src', 'server', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(root, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

function syncContent(): { status: number | null; output: string } {
  const result = spawnSync(join(root, 'node_modules/.bin/astro'), ['sync'], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('a guide with bad frontmatter', () => {
  it('is what breaks the build: the unchanged copy syncs cleanly', () => {
    const { status, output } = syncContent();
    expect(status, output).toBe(0);
  }, 60_000);

  it('stops the build with a message naming the file and each bad field', () => {
    writeFileSync(
      join(copy, 'src/content/guides/broken-guide.mdx'),
      [
        '---',
        'title: A broken guide',
        'summary: This summary is fine as one sentence.',
        'section: not-a-section',
        'order: 1',
        'lastReviewed: 2026-11-23',
        'reviewBy: 31/12/2027',
        'sources: []',
        '---',
        '',
        'Body text.',
      ].join('\n'),
    );
    const { status, output } = syncContent();
    expect(status).not.toBe(0);
    expect(output).toContain('broken-guide');
    expect(output).toMatch(/section/);
    expect(output).toMatch(/reviewBy/);
    expect(output).toMatch(/sources/);
  }, 60_000);
});
