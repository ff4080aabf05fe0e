import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStores } from '../support/stores.ts';
import type { RequestRecord, RequestStatus } from '../../src/lib/requests/store';
import { calendarDaysUntil, countByStatus, dueLabel, dueState, sortForQueue, statusFilter } from '../../src/lib/staff/queue';
import { csvCell, requestsCsv } from '../../src/lib/staff/csv';
import { signInRefused, validateSignIn, validateStatusChange } from '../../src/lib/staff/forms';
import { formatShortDate as shortDate, londonDateTime } from '../../src/lib/dates/index.ts';
import { requestByEmail, requestByPost } from '../support/request-fixtures.ts';

const today = '2026-11-23';

function record(reference: string, replyByDate: string, status: RequestStatus = 'new', createdAt = '2026-11-01T10:00:00.000Z'): RequestRecord {
  return { reference, createdAt, replyByDate, status, request: requestByEmail };
}

describe('days left', () => {
  it('counts calendar days, across months and the clocks changing', () => {
    expect(calendarDaysUntil('2026-11-23', today)).toBe(0);
    expect(calendarDaysUntil('2026-11-30', today)).toBe(7);
    expect(calendarDaysUntil('2026-11-20', today)).toBe(-3);
    expect(calendarDaysUntil('2027-03-29', '2027-03-27')).toBe(2);
    expect(calendarDaysUntil('2027-01-01', '2026-12-31')).toBe(1);
  });

  it('say overdue, due today or days left in words, and nothing is overdue once sent or closed', () => {
    expect(dueLabel(dueState(record('a', '2026-11-20'), today))).toBe('3 days overdue');
    expect(dueLabel(dueState(record('a', '2026-11-22', 'in-progress'), today))).toBe('1 day overdue');
    expect(dueLabel(dueState(record('a', today), today))).toBe('Due today');
    expect(dueLabel(dueState(record('a', '2026-11-24'), today))).toBe('1 day left');
    expect(dueLabel(dueState(record('a', '2026-11-30'), today))).toBe('7 days left');
    expect(dueLabel(dueState(record('a', '2026-11-01', 'sent'), today))).toBe('Done');
    expect(dueState(record('a', '2026-11-01', 'closed'), today)).toEqual({ kind: 'done' });
  });
});

describe('the queue order', () => {
  it('puts overdue first, then due today, then the rest by reply-by date, then answered ones', () => {
    const records = [
      record('later-2', '2026-11-30'),
      record('done-old', '2026-11-01', 'sent'),
      record('today', today, 'in-progress'),
      record('later-1', '2026-11-25'),
      record('overdue-1', '2026-11-10'),
      record('overdue-2', '2026-11-20', 'in-progress'),
      record('closed', '2026-11-24', 'closed'),
    ];
    expect(sortForQueue(records, today).map((r) => r.reference)).toEqual([
      'overdue-1',
      'overdue-2',
      'today',
      'later-1',
      'later-2',
      'done-old',
      'closed',
    ]);
  });

  it('breaks a tie on reply-by date by when the request arrived, and leaves its input alone', () => {
    const records = [record('second', '2026-11-30', 'new', '2026-11-22T10:00:00.000Z'), record('first', '2026-11-30', 'new', '2026-11-21T10:00:00.000Z')];
    expect(sortForQueue(records, today).map((r) => r.reference)).toEqual(['first', 'second']);
    expect(records.map((r) => r.reference)).toEqual(['second', 'first']);
  });

  it('filters by a known status only, and counts each', () => {
    expect(statusFilter('in-progress')).toBe('in-progress');
    for (const value of [null, '', 'replied', 'NEW', 'new ']) expect(statusFilter(value)).toBeUndefined();
    expect(countByStatus([record('a', today), record('b', today, 'sent'), record('c', today)])).toEqual({ new: 2, 'in-progress': 0, sent: 1, closed: 0 });
  });

  it('writes dates short in tables', () => {
    expect(shortDate('2026-11-03')).toBe('3 Nov 2026');
    expect(shortDate('2027-09-30')).toBe('30 Sep 2027');
    expect(() => shortDate('2026-13-01')).toThrow();
  });

  it('writes times in London time', () => {
    expect(londonDateTime('2026-07-01T09:05:00.000Z')).toBe('1 July 2026 at 10:05');
    expect(londonDateTime('2026-11-23T23:30:00.000Z')).toBe('23 November 2026 at 23:30');
  });
});

describe('the CSV export', () => {
  it('defuses cells a spreadsheet would run as formulas, and quotes as RFC 4180 says', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1`).replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(undefined)).toBe('');
  });

  describe('matches `npm run requests -- export --format csv` byte for byte', () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('for the same requests in the same order', { timeout: 60_000 }, async () => {
      dir = mkdtempSync(join(tmpdir(), 'staff-csv-'));
      const stores = sqliteStores(join(dir, 'requests.sqlite'), { replyByFor: () => '2026-11-30' });
      const store = stores.requests;
      await store.add({ ...requestByEmail, documentTitle: '=cmd|" /C calc"!A0', anythingElse: '@SUM(1+1)' });
      await store.add({ ...requestByPost, phone: undefined });
      await store.add({ ...requestByEmail, replyBy: 'phone', email: undefined, phone: '+44 20 7946 0000', name: 'Zoë, "Z" Ng' });
      const records = await store.list();
      await stores.close();
      const cli = spawnSync('node_modules/.bin/node', ['scripts/requests.ts', 'export', '--format', 'csv'], {
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir },
        encoding: 'utf8',
      });
      expect(cli.status).toBe(0);
      expect(requestsCsv(records)).toBe(cli.stdout);
    });
  });
});

describe('the sign-in form', () => {
  it('asks for whichever of username and password is missing', () => {
    expect(validateSignIn(new URLSearchParams())).toEqual({
      ok: false,
      errors: [
        { field: 'username', message: 'Enter your username' },
        { field: 'password', message: 'Enter your password' },
      ],
    });
    expect(validateSignIn(new URLSearchParams({ username: ' sam ', password: ' spaces kept ' }))).toEqual({
      ok: true,
      value: { username: 'sam', password: ' spaces kept ' },
    });
  });

  it('has one message for every refusal, naming neither field as the wrong one', () => {
    expect(signInRefused.message).toBe('Enter a correct username and password');
  });
});

describe('the status change form', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);

  it('needs a status other than the current one', () => {
    expect(validateStatusChange(form({}), 'new')).toEqual({ ok: false, errors: [{ field: 'status', message: 'Select a new status' }] });
    expect(validateStatusChange(form({ status: 'replied' }), 'new')).toMatchObject({ ok: false, errors: [{ field: 'status' }] });
    expect(validateStatusChange(form({ status: 'new' }), 'new')).toEqual({
      ok: false,
      errors: [{ field: 'status', message: 'The request is already New: select a different status' }],
    });
  });

  it('takes an optional note of up to 500 characters, line breaks allowed, hidden characters not', () => {
    expect(validateStatusChange(form({ status: 'sent', note: '  ', from: 'new' }), 'new')).toEqual({ ok: true, value: { to: 'sent', note: undefined, from: 'new' } });
    expect(validateStatusChange(form({ status: 'sent', note: 'Posted\r\nfirst class' }), 'new')).toEqual({ ok: true, value: { to: 'sent', note: 'Posted\nfirst class', from: undefined } });
    expect(validateStatusChange(form({ status: 'sent', note: 'x'.repeat(500) }), 'new').ok).toBe(true);
    expect(validateStatusChange(form({ status: 'sent', note: 'x'.repeat(501) }), 'new')).toEqual({
      ok: false,
      errors: [{ field: 'note', message: 'The note must be 500 characters or fewer' }],
    });
    expect(validateStatusChange(form({ status: 'sent', note: 'tab\there' }), 'new')).toMatchObject({ ok: false, errors: [{ field: 'note' }] });
  });

  it('lists both problems in page order', () => {
    const result = validateStatusChange(form({ note: 'x'.repeat(600) }), 'new');
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['status', 'note']);
  });
});
