/**
 * Issue 23, medium 4 (and low 8's empty reports): personal data written to get past simple
 * patterns is removed before a problem report is stored, so it reaches neither the staff view
 * (the store's newest reports) nor the CSV export; a report of only invisible characters is
 * refused as empty.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emailPlaceholder, phonePlaceholder, redactPersonalData } from '../../src/lib/feedback/redact.ts';
import { validateFeedback } from '../../src/lib/feedback/schema.ts';
import { feedbackCsv } from '../../src/lib/staff/feedback-csv.ts';
import { storeBackends } from '../support/store-backends.ts';
import type { OpenStores } from '../support/stores.ts';

const zw = '\u200b';
const forms: [name: string, text: string, placeholder: string, leftover: RegExp][] = [
  ['a phone number with dashes', 'Ring me on 07700–900–123 today', phonePlaceholder, /900/],
  ['a phone number with em dashes and minus signs', 'or 020—7946−0000', phonePlaceholder, /7946/],
  ['an email with (at)', 'write to jane(at)example.com', emailPlaceholder, /jane/],
  ['an email with [at] and [dot]', 'write to jane [at] example [dot] co [dot] uk', emailPlaceholder, /jane|example/],
  ['an email spelled out', 'write to jane at example dot com', emailPlaceholder, /jane|example/],
  ['digits split by zero-width characters', `call 0${zw}7${zw}7${zw}0${zw}0${zw}9${zw}0${zw}0${zw}1${zw}2${zw}3`, phonePlaceholder, /7\D*7\D*0/],
  ['digits split by bidi controls', 'call 07700\u202e900\u202c123', phonePlaceholder, /900/],
  ['full-width digits', 'call ０７７００ ９００１２３', phonePlaceholder, /[０-９]|900/],
  ['a full-width @', 'jane＠example.com', emailPlaceholder, /jane/],
  ['an email split by a zero-width joiner', `jane@exa\u200dmple.com`, emailPlaceholder, /jane/],
];

describe('personal data written to get past the patterns', () => {
  it.each(forms)('is removed: %s', (_name, text, placeholder, leftover) => {
    const redacted = redactPersonalData(text);
    expect(redacted).toContain(placeholder);
    expect(redacted).not.toMatch(leftover);
  });

  it.each([
    'I waited at 3.30 for an hour.',
    'The officer was rude at the station. Then he left.',
    'Call 999 in an emergency or 101 otherwise.',
    'My reference is MPS-2026-00123 and the date was 14–03–2026.',
  ])('leaves ordinary sentences alone: %s', (text) => {
    expect(redactPersonalData(text)).toBe(text);
  });

  it('refuses a report of only invisible or direction-changing characters as empty', () => {
    for (const text of [`${zw}${zw}`, '\u202e\u202c', '\u2066\u2069\ufeff', '\u3000\u200d']) {
      expect(validateFeedback({ page: '/privacy/', problem: text })).toEqual({ ok: false, problem: 'empty' });
    }
  });
});

for (const backend of storeBackends()) {
  describe.skipIf(backend.unavailable)(`reports stored on ${backend.name}`, () => {
    let stores: OpenStores;
    beforeEach(async () => {
      await backend.fresh();
      stores = backend.open({ replyByFor: () => '2026-12-01' });
    });
    afterEach(() => backend.cleanup());

    it('reach the staff view and the export with every one of those forms removed', async () => {
      for (const [, text] of forms) {
        const checked = validateFeedback({ page: '/privacy/', problem: text });
        if (!checked.ok) throw new Error(`refused: ${text}`);
        await stores.feedback.add(checked.value);
      }
      const shown = (await stores.feedback.problems({ limit: 100 })).map((record) => record.problem ?? '').join('\n');
      const exported = feedbackCsv(await stores.feedback.list());
      for (const [name, , placeholder, leftover] of forms) {
        expect(shown, name).not.toMatch(leftover);
        expect(exported, name).not.toMatch(leftover);
        expect(shown).toContain(placeholder);
      }
      expect(exported).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u);
    });
  });
}
