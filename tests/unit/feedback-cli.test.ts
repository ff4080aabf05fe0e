// npm run feedback -- list | export | purge against a SQLite file: once as a person would run it, the rest in-process.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../support/run-cli.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStores } from '../support/stores.ts';

let dir: string;
/** npm run feedback in-process (tests/support/run-cli.ts); the first test runs it as a real process. */
const run = (...args: string[]) => runCli('feedback', args, { DATA_DIR: dir, DATABASE_URL: '' });

async function seed(): Promise<void> {
  let now = new Date('2026-01-10T09:00:00Z');
  const stores = sqliteStores(join(dir, 'requests.sqlite'), { replyByFor: () => '2026-01-17', now: () => now });
  await stores.feedback.add({ page: '/privacy/', kind: 'problem', problem: '=HYPERLINK("http://evil.example","Click")' });
  now = new Date();
  await stores.feedback.add({ page: '/guides/right-of-review/', kind: 'no' });
  await stores.feedback.add({ page: '/guides/right-of-review/', kind: 'problem', problem: 'The deadline example is confusing.' });
  await stores.close();
}

describe('npm run feedback', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'feedback-cli-'));
    await seed();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists pages by "No" answers, then reports newest first, as a real command', async () => {
    const result = spawnCli('feedback', ['list'], { DATA_DIR: dir, DATABASE_URL: '' });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^Page\s+No\s+Yes\s+Problems$/);
    expect(lines[1]).toMatch(/^\/guides\/right-of-review\/\s+1\s+0\s+1$/);
    expect(result.stdout.indexOf('The deadline example')).toBeLessThan(result.stdout.indexOf('HYPERLINK'));
  });

  it('exports JSON and CSV, with formulas defused in the CSV', async () => {
    const json = JSON.parse((await run('export', '--format', 'json')).stdout) as { page: string; kind: string }[];
    expect(json.map((r) => `${r.page} ${r.kind}`)).toEqual(['/privacy/ problem', '/guides/right-of-review/ no', '/guides/right-of-review/ problem']);
    const csv = (await run('export', '--format', 'csv')).stdout;
    expect(csv.split('\r\n')[0]).toBe('Received at (UTC),Page,Answer,Problem reported');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
  });

  it('purges feedback older than the days given', async () => {
    expect((await run('purge', '--older-than', '30')).stdout).toBe('Deleted 1 piece of feedback sent more than 30 days ago.\n');
    expect(JSON.parse((await run('export', '--format', 'json')).stdout)).toHaveLength(2);
  });

  it('refuses a wrong command line with exit code 2, touching nothing', async () => {
    for (const args of [['purge', '--older-than', '0'], ['export', '--format', 'xml'], ['delete']]) {
      const result = await run(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('npm run feedback -- help');
    }
    expect(JSON.parse((await run('export', '--format', 'json')).stdout)).toHaveLength(3);
  });
});
