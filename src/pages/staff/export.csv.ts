/**
 * The queue as a CSV file, filtered like the page (`?status=`), in the same order. Every
 * field of every request, with cells a spreadsheet would run as formulas defused (csv.ts).
 * Signed-in staff only (src/middleware.ts), never cached.
 */
import type { APIRoute } from 'astro';
import { requestStore } from '../../lib/runtime.ts';
import { todayInLondon } from '../../lib/dates/index.ts';
import { requestsCsv } from '../../lib/staff/csv.ts';
import { sortForQueue, statusFilter } from '../../lib/staff/queue.ts';

export const prerender = false;

export const GET: APIRoute = async ({ url }) => {
  const status = statusFilter(url.searchParams.get('status'));
  const today = todayInLondon();
  const all = await requestStore().list(status === undefined ? {} : { status });
  const filename = `accessible-format-requests-${status ?? 'all'}-${today}.csv`;
  // The byte order mark makes Excel read the file as UTF-8, so names with accents survive.
  return new Response(`\uFEFF${requestsCsv(sortForQueue(all, today))}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
    },
  });
};
