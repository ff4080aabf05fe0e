/**
 * Issue 23, low 6: a CSV export opened in a spreadsheet that splits on ";" or tab (or ignores
 * the quotes) has no cell that starts a formula, in both exports.
 */
import { describe, expect, it } from 'vitest';
import { csvCell, requestsCsv } from '../../src/lib/staff/csv.ts';
import { feedbackCsv } from '../../src/lib/staff/feedback-csv.ts';
import type { RequestRecord } from '../../src/lib/requests/store.ts';
import { requestByEmail } from '../support/request-fixtures.ts';

const attacks = ['a;=1+1', 'a\t=1+1', 'a; =HYPERLINK("http://evil.example")', 'a;"=1+1', 'x,@SUM(1)', 'x|+1', 'line\n-1+1', 'a ;\t+cmd', '=1+1'];

/** Every cell a spreadsheet could make of the file, splitting on `separator` and ignoring quotes (the worst case). */
function cellsSplitOn(csv: string, separator: string): string[] {
  return csv.split(/\r?\n/).flatMap((line) => line.split(separator));
}

/** A cell is live when, after the spaces and quotes a reader drops, it starts with a formula character. */
const live = (cell: string) => /^[\s"]*[=+\-@]/.test(cell);

describe('CSV cells', () => {
  it.each(attacks)('defuse a formula after any separator: %j', (text) => {
    const cell = csvCell(text);
    for (const separator of [',', ';', '\t', '|']) expect(cellsSplitOn(cell, separator).filter(live)).toEqual([]);
  });

  it('quote a cell with a semicolon or a tab, so a reader that honours quotes keeps it whole', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
    expect(csvCell('a;=1+1')).toBe(`"a;'=1+1"`);
    expect(csvCell('plain')).toBe('plain');
  });
});

describe('both exports, split on ";" and on tab', () => {
  const request: RequestRecord = {
    reference: 'AF-2026-AAAAAAAA',
    createdAt: '2026-11-01T10:00:00.000Z',
    replyByDate: '2026-11-08',
    status: 'new',
    request: { ...requestByEmail, documentTitle: attacks[0]!, anythingElse: attacks.join(' ') },
  };
  const files = {
    requests: requestsCsv([request]),
    feedback: feedbackCsv(attacks.map((problem, id) => ({ id, createdAt: '2026-11-01T10:00:00.000Z', page: '/privacy/', kind: 'problem' as const, problem }))),
  };

  it.each(Object.entries(files))('%s: no live formula', (_name, csv) => {
    for (const separator of [';', '\t']) expect(cellsSplitOn(csv, separator).filter(live)).toEqual([]);
  });
});
