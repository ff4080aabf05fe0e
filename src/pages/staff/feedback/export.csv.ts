/**
 * Every piece of page feedback as a CSV file, oldest first. Signed-in staff only
 * (src/middleware.ts guards everything under /staff/), never cached.
 */
import type { APIRoute } from 'astro';
import { feedbackStore } from '../../../lib/runtime.ts';
import { todayInLondon } from '../../../lib/dates/index.ts';
import { feedbackCsv } from '../../../lib/staff/feedback-csv.ts';

export const prerender = false;

export const GET: APIRoute = async () => {
  const records = await feedbackStore().list();
  // The byte order mark makes Excel read the file as UTF-8.
  return new Response(`\uFEFF${feedbackCsv(records)}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="page-feedback-${todayInLondon()}.csv"`,
    },
  });
};
