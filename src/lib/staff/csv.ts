/**
 * The CSV of requests, for both /staff/export.csv and `npm run requests -- export --format csv`
 * (scripts/requests.ts): the same columns, quoting and formula defusing in both.
 */
import type { RequestRecord } from '../requests/store.ts';

/** Every stored field, in the order of the form, with a spreadsheet-friendly heading. */
const exportColumns: ReadonlyArray<readonly [heading: string, value: (record: RequestRecord) => string | undefined]> = [
  ['Reference', (r) => r.reference],
  ['Received at (UTC)', (r) => r.createdAt],
  ['Reply by', (r) => r.replyByDate],
  ['Status', (r) => r.status],
  ['Document title', (r) => r.request.documentTitle],
  ['Document ID', (r) => r.request.documentId],
  ['Format', (r) => r.request.format],
  ['Other format', (r) => r.request.formatOther],
  ['Assistive technology', (r) => r.request.assistiveTechnology],
  ['Name', (r) => r.request.name],
  ['How to reply', (r) => r.request.replyBy],
  ['Email', (r) => r.request.email],
  ['Phone', (r) => r.request.phone],
  ['Address', (r) => r.request.address],
  ['Postcode', (r) => r.request.postcode],
  ['Anything else', (r) => r.request.anythingElse],
];

/**
 * A spreadsheet runs a cell that starts with one of these as a formula, so a request could
 * make a member of staff's spreadsheet fetch a URL or run a command (OWASP "CSV injection").
 */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A spreadsheet told to split on ";" or tab (LibreOffice offers both), or one that ignores the
 * quotes, starts a new cell after any of these, so a formula character after one (and any
 * spaces or quotes) is defused too: "a;=1+1" becomes "a;'=1+1".
 */
const formulaAfterSeparator = /([,;\t\r\n|]["'\s]*)(?=[=+\-@])/g;

/**
 * One RFC 4180 field, defused against formulas first so the quote is inside the cell. Quoted
 * when it holds a quote, a comma, a semicolon, a tab or a line break, so that a spreadsheet
 * splitting on any of them keeps it one cell.
 */
export function csvCell(value: string | undefined): string {
  const text = (value ?? '').replace(formulaAfterSeparator, "$1'");
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180: a heading row, then one row per request, each line ending CRLF. */
export function requestsCsv(records: readonly RequestRecord[]): string {
  const rows = [
    exportColumns.map(([heading]) => heading),
    ...records.map((record) => exportColumns.map(([, value]) => value(record))),
  ];
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
