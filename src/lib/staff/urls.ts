/** Addresses of the staff pages, all under /staff/ so the session cookie's Path covers them and nothing else. */
import type { RequestStatus } from '../requests/store.ts';

export const staffPath = '/staff/';
export const signInPath = '/staff/sign-in/';
export const signOutPath = '/staff/sign-out/';
/** Where the middleware sends a refused POST (bad CSRF token, body too large), keeping the same URL. */
export const refusedPath = '/staff/refused/';
export const exportPath = '/staff/export.csv';

/** The queue, filtered to one status or not. */
export function queuePath(status?: RequestStatus): string {
  return status === undefined ? staffPath : `${staffPath}?status=${encodeURIComponent(status)}`;
}

export function exportPathFor(status?: RequestStatus): string {
  return status === undefined ? exportPath : `${exportPath}?status=${encodeURIComponent(status)}`;
}

export function staffRequestPath(reference: string): string {
  return `${staffPath}requests/${encodeURIComponent(reference)}/`;
}

/** "Is this page useful?" answers and problem reports, and their CSV. */
export const feedbackStaffPath = '/staff/feedback/';
export const feedbackExportPath = '/staff/feedback/export.csv';
