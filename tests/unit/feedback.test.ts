import { describe, expect, it } from 'vitest';
import { emailPlaceholder, phonePlaceholder, redactPersonalData } from '../../src/lib/feedback/redact.ts';
import { isSitePath, problemMaxLength, validateFeedback } from '../../src/lib/feedback/schema.ts';
import { backToPage } from '../../src/lib/feedback/urls.ts';

describe('removing personal data from a problem report', () => {
  it.each([
    ['Email me at sam.taylor+police@example.co.uk please', `Email me at ${emailPlaceholder} please`],
    ['my email is SAM@EXAMPLE.COM.', `my email is ${emailPlaceholder}.`],
    ['written with spaces: sam @ example.com', `written with spaces: ${emailPlaceholder}`],
  ])('removes email addresses: %s', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it.each([
    ['Call me on 07700 900123', `Call me on ${phonePlaceholder}`],
    ['Ring 020 7946 0000.', `Ring ${phonePlaceholder}.`],
    ['or +44 (0)20 7946 0000 after 6', `or ${phonePlaceholder} after 6`],
    ['mobile: +447700900123', `mobile: ${phonePlaceholder}`],
    ['(020) 7946-0000', phonePlaceholder],
    ['0044 7700 900 123', phonePlaceholder],
  ])('removes phone numbers: %s', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it.each([
    'Call 999 in an emergency or 101 otherwise.',
    'My reference is MPS-2026-00123 and the date was 14/03/2026.',
    'The page says 28 days but the letter said 12.03.2026.',
    'Section 3 of the 2012 regulations, 2020/21 survey.',
  ])('keeps short numbers about the service: %s', (input) => {
    expect(redactPersonalData(input)).toBe(input);
  });

  it('removes every one of several', () => {
    expect(redactPersonalData('a@b.com, c@d.org and 07700900123 or 07700 900 456')).toBe(
      `${emailPlaceholder}, ${emailPlaceholder} and ${phonePlaceholder} or ${phonePlaceholder}`,
    );
  });
});

describe('checking what the feedback forms send', () => {
  it('accepts Yes and No for a page of this site', () => {
    expect(validateFeedback({ page: '/guides/right-of-review/', useful: 'no', website: '' })).toEqual({ ok: true, value: { page: '/guides/right-of-review/', kind: 'no' } });
    expect(validateFeedback({ page: '/', useful: 'yes' })).toEqual({ ok: true, value: { page: '/', kind: 'yes' } });
  });

  it('accepts a problem report, tidied and with personal data removed', () => {
    const result = validateFeedback({ page: '/privacy/', problem: '  The link is broken.\r\nCall 07700 900123\u0007 ', website: '' });
    expect(result).toEqual({ ok: true, value: { page: '/privacy/', kind: 'problem', problem: `The link is broken.\nCall ${phonePlaceholder}` } });
  });

  it.each([
    [{ page: '/privacy/', useful: 'yes', website: 'http://spam.example' }, 'honeypot'],
    [{ page: 'https://evil.example/', useful: 'yes' }, 'page'],
    [{ page: '//evil.example/', useful: 'yes' }, 'page'],
    [{ page: '/privacy', useful: 'yes' }, 'page'],
    [{ page: '/privacy/?q=1', useful: 'yes' }, 'page'],
    [{ page: '/../etc/', useful: 'yes' }, 'page'],
    [{ useful: 'yes' }, 'page'],
    [{ page: '/privacy/', useful: 'maybe' }, 'answer'],
    [{ page: '/privacy/' }, 'answer'],
    [{ page: '/privacy/', useful: 'no', problem: 'both' }, 'answer'],
    [{ page: '/privacy/', problem: '   ' }, 'empty'],
    [{ page: '/privacy/', problem: 'x'.repeat(problemMaxLength + 1) }, 'too-long'],
  ] as const)('refuses %j (%s)', (fields, problem) => {
    expect(validateFeedback(fields)).toEqual({ ok: false, problem });
  });

  it('takes a report of exactly the longest length', () => {
    expect(validateFeedback({ page: '/privacy/', problem: 'é'.repeat(problemMaxLength) }).ok).toBe(true);
  });

  it('only treats paths of this site as pages', () => {
    expect(isSitePath('/topics/complaining-about-the-met/')).toBe(true);
    expect(isSitePath('/easy-read/right-of-review/')).toBe(true);
    expect(isSitePath('/Guides/')).toBe(false);
    expect(isSitePath('/a//b/')).toBe(false);
    expect(isSitePath(`/${'a'.repeat(200)}/`)).toBe(false);
  });

  it('sends people back to the page, to the thank-you that fits', () => {
    expect(backToPage('/privacy/', 'yes')).toBe('/privacy/#feedback-thanks');
    expect(backToPage('/privacy/', 'no')).toBe('/privacy/#feedback-thanks');
    expect(backToPage('/privacy/', 'problem')).toBe('/privacy/#feedback-reported');
  });
});
