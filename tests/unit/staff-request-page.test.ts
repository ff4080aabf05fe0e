// The staff page for one request: what it finds, and what a status change posted from it does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactDetails, requestedDetails, requestPage, type RequestPageInput } from '../../src/lib/staff/request-page.ts';
import { requestByEmail, requestByPost } from '../support/request-fixtures.ts';
import { sqliteStores, type OpenStores } from '../support/stores.ts';

let stores: OpenStores;
let reference: string;
beforeEach(async () => {
  stores = sqliteStores(':memory:', { replyByFor: () => '2026-11-30' });
  reference = (await stores.requests.add(requestByEmail)).reference;
});
afterEach(() => stores.close());

const input = (overrides: Partial<RequestPageInput> = {}): RequestPageInput => ({
  store: stores.requests,
  referenceParam: reference.toLowerCase(),
  method: 'GET',
  form: undefined,
  staffUsername: 'sam',
  justChanged: false,
  ...overrides,
});
const form = (fields: Record<string, string>) => ({ method: 'POST', form: new URLSearchParams(fields) });

describe('the staff page for one request', () => {
  it('finds a request by its reference however it is typed, and says when there is none', async () => {
    expect(await requestPage(input())).toMatchObject({ kind: 'request', status: 200, record: { reference }, history: [], changed: false });
    expect(await requestPage(input({ referenceParam: 'AF-2026-ZZZZZZZZ' }))).toEqual({ kind: 'not-found', status: 404 });
    expect(await requestPage(input({ referenceParam: 'nonsense' }))).toEqual({ kind: 'not-found', status: 404 });
  });

  it('changes the status, records who did it, then shows "Status changed" once redirected', async () => {
    const posted = await requestPage(input(form({ status: 'in-progress', note: 'Sent to print\r\nroom', from: 'new' })));
    expect(posted).toEqual({ kind: 'redirect', location: `/staff/requests/${reference}/?changed` });
    const shown = await requestPage(input({ justChanged: true }));
    expect(shown).toMatchObject({ kind: 'request', changed: true, record: { status: 'in-progress' } });
    expect(shown.kind === 'request' && shown.history).toEqual([expect.objectContaining({ by: 'sam', from: 'new', to: 'in-progress', note: 'Sent to print\nroom' })]);
  });

  it('keeps what was typed and says what is wrong when no status is chosen', async () => {
    const shown = await requestPage(input(form({ status: '', note: 'Called them' })));
    expect(shown).toMatchObject({ kind: 'request', status: 400, errors: [{ field: 'status', message: 'Select a new status' }], values: { note: 'Called them' } });
    expect((await stores.requests.get(reference))?.status).toBe('new');
  });

  it('asks again, showing the new status, when someone else changed it meanwhile', async () => {
    await stores.requests.changeStatus(reference, { to: 'sent', by: 'alex' });
    const shown = await requestPage(input(form({ status: 'closed', from: 'new' })));
    expect(shown).toMatchObject({
      kind: 'request',
      status: 409,
      record: { status: 'sent' },
      errors: [{ field: 'status', message: 'Someone else changed the status to Sent while you had this page open. Check the history, then choose again' }],
    });
  });

  it('lists what was asked for and only the contact details for the way to reply', () => {
    expect(requestedDetails(requestByPost).map((row) => [row.label, row.value])).toEqual([
      ['Document', 'Complaints about MOPAC'],
      ['Format', 'Another format: Moon type'],
      ['Assistive technology', 'Screen magnifier'],
      ['Anything else', 'Two copies, please.'],
    ]);
    expect(contactDetails(requestByEmail)).toEqual([
      { label: 'Name', value: 'Sam Jones' },
      { label: 'Reply by', value: 'Email' },
      { label: 'Email address', value: 'sam@example.com', kind: 'email' },
    ]);
  });
});
