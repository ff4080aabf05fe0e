import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, spawnCli, type CliResult } from '../support/run-cli.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { FormatRequest } from '../../src/lib/requests/schema';
import { sqliteStores } from '../support/stores.ts';
import type { RequestRecord } from '../../src/lib/requests/store';

const MS_PER_DAY = 86_400_000;
const replyByFor = (): string => '2030-01-07';

const recent: FormatRequest = {
  documentTitle: 'Your right of review',
  format: 'large-print',
  name: 'Sam Jones',
  replyBy: 'email',
  email: 'sam@example.com',
};

/** A title a spreadsheet would run as a formula, with a comma and quotes to test quoting too. */
const formulaTitle = '=HYPERLINK("http://evil.example","Click, here")';

const byPost: FormatRequest = {
  documentTitle: formulaTitle,
  format: 'other',
  formatOther: 'Moon type',
  name: 'Alex Smith',
  replyBy: 'post',
  address: '169 Union Street\nLondon',
  postcode: 'SE1 0LL',
};

const old: FormatRequest = {
  documentTitle: 'Complaints about MOPAC',
  format: 'audio',
  name: 'Pat Lee',
  replyBy: 'phone',
  phone: '+44 20 7946 0000',
};

let dir: string;
let path: string;
let added: { old: RequestRecord; recent: RequestRecord; byPost: RequestRecord };

async function addAt(now: Date, request: FormatRequest): Promise<RequestRecord> {
  const store = sqliteStores(path, { replyByFor, now: () => now });
  try {
    return await store.requests.add(request);
  } finally {
    await store.close();
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'requests-cli-'));
  path = join(dir, 'requests.sqlite');
  const now = Date.now();
  added = {
    old: await addAt(new Date(now - 400 * MS_PER_DAY), old),
    recent: await addAt(new Date(now - 2 * MS_PER_DAY), recent),
    byPost: await addAt(new Date(now - MS_PER_DAY), byPost),
  };
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** npm run requests, in-process (tests/support/run-cli.ts), on this test's own data folder. */
function cli(...args: string[]): Promise<CliResult> {
  return runCli('requests', args, { DATABASE_URL: '', DATA_DIR: dir });
}

/** Statuses change through the staff queue (with an audit entry); here one is set directly. */
function setStatus(reference: string, status: string): void {
  const db = new DatabaseSync(path);
  try {
    db.prepare('UPDATE format_requests SET status = ? WHERE reference = ?').run(status, reference);
  } finally {
    db.close();
  }
}

/** Parses CSV as RFC 4180 writes it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  const cell = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r\n|$)/gy;
  let row: string[] = [];
  for (let match = cell.exec(csv); match && cell.lastIndex <= csv.length; match = cell.exec(csv)) {
    const [, raw = '', end] = match;
    row.push(raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw);
    if (end !== ',') {
      rows.push(row);
      row = [];
    }
    if (end === '') break;
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

describe('npm run requests', () => {
  it('prints usage for help and for no arguments', async () => {
    for (const args of [[], ['help']]) {
      const result = await cli(...args);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Usage: npm run requests -- <command> [options]');
    }
  });

  it('lists every request oldest first in aligned columns', async () => {
    const result = await cli('list');
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Reference\s+Received\s+Reply by\s+Status\s+Format\s+Document$/);
    expect(lines.slice(1).map((line) => line.slice(0, 16))).toEqual([
      added.old.reference,
      added.recent.reference,
      added.byPost.reference,
    ]);
    expect(lines[1]).toContain('Audio');
    expect(lines[2]).toContain('Large print');
    expect(lines[2]).toContain('Your right of review');
    expect(lines[3]).toContain('Other: Moon type');
    // Every row starts its "Document" column where the heading does.
    const documentColumn = lines[0]?.indexOf('Document') ?? -1;
    expect(lines[2]?.indexOf('Your right of review')).toBe(documentColumn);
    expect(lines[1]).toContain('2030-01-07');
    expect(lines[1]).toContain(' new ');
  });

  it('filters by --status', async () => {
    setStatus(added.recent.reference, 'sent');
    const sent = await cli('list', '--status', 'sent');
    expect(sent.status).toBe(0);
    expect(sent.stdout).toContain(added.recent.reference);
    expect(sent.stdout).not.toContain(added.old.reference);

    const fresh = (await cli('list', '--status', 'new')).stdout;
    expect(fresh).toContain(added.old.reference);
    expect(fresh).not.toContain(added.recent.reference);

    expect((await cli('list', '--status', 'closed')).stdout).toBe('No requests with status closed.\n');
  });

  it('says so when there are no requests', async () => {
    rmSync(dir, { recursive: true, force: true });
    expect((await cli('list')).stdout).toBe('No requests.\n');
  });

  it('exports CSV with a header, RFC 4180 quoting and formulas defused', async () => {
    const result = await cli('export', '--format', 'csv');
    expect(result.status).toBe(0);
    expect(result.stdout.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(result.stdout);
    expect(rows).toHaveLength(4);
    const [heading = [], ...records] = rows;
    expect(heading.slice(0, 5)).toEqual(['Reference', 'Received at (UTC)', 'Reply by', 'Status', 'Document title']);
    expect(heading).toHaveLength(16);
    for (const record of records) expect(record).toHaveLength(16);

    const postRow = records.find((record) => record[0] === added.byPost.reference) ?? [];
    const column = (name: string): string | undefined => postRow[heading.indexOf(name)];
    expect(column('Document title')).toBe(`'${formulaTitle}`);
    expect(column('Address')).toBe('169 Union Street\nLondon');
    expect(column('Name')).toBe('Alex Smith');
    // The raw CSV keeps the quote inside the quoted field, where the spreadsheet sees it first.
    expect(result.stdout).toContain(`"'=HYPERLINK(""http://evil.example"",""Click, here"")"`);

    // A phone number starting with + would also be read as a formula.
    const oldRow = records.find((record) => record[0] === added.old.reference) ?? [];
    expect(oldRow[heading.indexOf('Phone')]).toBe("'+44 20 7946 0000");
  });

  it('exports JSON with every field of every request', async () => {
    const result = await cli('export', '--format', 'json');
    expect(result.status).toBe(0);
    const records: unknown = JSON.parse(result.stdout);
    expect(records).toEqual([added.old, added.recent, added.byPost]);
  });

  it('purges only requests older than the limit', async () => {
    const result = await cli('purge', '--older-than', '365d');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Deleted 1 request received more than 365 days ago.\n');
    const left = (await cli('list')).stdout;
    expect(left).not.toContain(added.old.reference);
    expect(left).toContain(added.recent.reference);
    expect(left).toContain(added.byPost.reference);
  });

  it.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['list', '--status', 'lost'], /--status must be one of new, in-progress, sent, closed/],
    [['list', '--colour'], /Unknown option '--colour'/],
    [['export'], /--format csv or --format json/],
    [['export', '--format', 'xlsx'], /--format must be csv or json/],
    [['purge', '--older-than', '365'], /like 365d/],
    [['purge', '--older-than', '0d'], /1 or more/],
    [['purge'], /--older-than/],
  ])('exits 2 with a message on stderr for %j', async (args, message) => {
    const result = await cli(...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('deletes nothing when the command line is wrong', async () => {
    await cli('purge', '--older-than', '0');
    expect((await cli('list')).stdout.trimEnd().split('\n')).toHaveLength(4);
  });

  it('runs as a real command too: lists the requests on stdout with exit code 0, and exits 2 on a typo', () => {
    const env = { DATABASE_URL: '', DATA_DIR: dir };
    const listed = spawnCli('requests', ['list'], env);
    expect(listed).toMatchObject({ status: 0, stderr: '' });
    expect(listed.stdout).toContain(added.recent.reference);
    expect(spawnCli('requests', ['frobnicate'], env)).toMatchObject({ status: 2, stdout: '' });
  });
});
