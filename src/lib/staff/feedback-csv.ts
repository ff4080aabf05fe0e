/**
 * Page feedback as CSV, for /staff/feedback/export.csv and `npm run feedback -- export
 * --format csv`: the same columns, quoting and formula defusing (csvCell) as the requests.
 */
import type { FeedbackRecord } from '../feedback/store.ts';
import { csvCell } from './csv.ts';

const columns: ReadonlyArray<readonly [heading: string, value: (record: FeedbackRecord) => string | undefined]> = [
  ['Received at (UTC)', (r) => r.createdAt],
  ['Page', (r) => r.page],
  ['Answer', (r) => (r.kind === 'problem' ? 'Problem report' : r.kind === 'yes' ? 'Yes' : 'No')],
  ['Problem reported', (r) => r.problem],
];

export function feedbackCsv(records: readonly FeedbackRecord[]): string {
  const rows = [columns.map(([heading]) => heading), ...records.map((record) => columns.map(([, value]) => value(record)))];
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
