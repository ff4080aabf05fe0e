import { describe, it, expect } from 'vitest';
import { formatLongDate, todayInLondon } from '../../src/lib/dates.ts';
import { overdueForReview } from '../../src/lib/review-dates.ts';

describe('long dates', () => {
  it('writes a date the GOV.UK way', () => {
    expect(formatLongDate('2026-11-23')).toBe('23 November 2026');
    expect(formatLongDate('2027-01-05')).toBe('5 January 2027');
  });

  it('refuses something that is not a date', () => {
    expect(() => formatLongDate('23/11/2026')).toThrow(/YYYY-MM-DD/);
    expect(() => formatLongDate('2026-13-01')).toThrow(/Not a real date/);
  });

  it('uses the London calendar day, not UTC, late in a summer evening', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

describe('pages due for review', () => {
  const pages = [
    { id: 'a', reviewBy: '2026-01-01' },
    { id: 'b', reviewBy: '2027-01-01' },
    { id: 'c', reviewBy: '2025-06-01' },
  ];

  it('lists only pages whose review date has passed, oldest first', () => {
    expect(overdueForReview(pages, '2026-11-23').map((p) => p.id)).toEqual(['c', 'a']);
  });

  it('does not flag a page on its review date', () => {
    expect(overdueForReview(pages, '2027-01-01').map((p) => p.id)).toEqual(['c', 'a']);
  });
});
