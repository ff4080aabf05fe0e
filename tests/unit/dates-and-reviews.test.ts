import { describe, it, expect } from 'vitest';
import {
  addDays,
  addWorkingDays,
  daysBetween,
  formatDateWithDay,
  formatLongDate,
  formatMonthYear,
  formatShortDate,
  isRealIsoDate,
  londonDateTime,
  londonTime,
  overdueForReview,
  todayInLondon,
  weekday,
} from '../../src/lib/dates/index.ts';

describe('long dates', () => {
  it('writes a date the GOV.UK way', () => {
    expect(formatLongDate('2026-11-23')).toBe('23 November 2026');
    expect(formatLongDate('2027-01-05')).toBe('5 January 2027');
  });

  it('refuses something that is not a date', () => {
    expect(() => formatLongDate('23/11/2026')).toThrow(/YYYY-MM-DD/);
    expect(() => formatLongDate('2026-13-01')).toThrow(/Not a real calendar date/);
  });

  it('uses the London calendar day, not UTC, late in a summer evening', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

// One day arithmetic for the review deadline and the working days: years 0 to 99 are those
// years (Date.UTC alone would read 0050 as 1950), and every day sum survives the round trip.
describe('calendar days in the years 0 to 99', () => {
  it('are real years, with their own leap years and weekdays', () => {
    expect(isRealIsoDate('0048-02-29')).toBe(true);
    expect(isRealIsoDate('0050-02-29')).toBe(false);
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('0001-01-01', -1)).toBe('0000-12-31');
    expect(daysBetween('0050-01-01', '1950-01-01')).toBe(693_960);
    // 1900 years = 4 × 146,097 + 300 × 365 + 72 leap days. 1 January 1950 was a Sunday, and
    // 693,960 days is 1 day short of whole weeks, so 1 January 0050 was a Saturday.
    expect(formatDateWithDay('0050-01-01')).toBe('Saturday 1 January 50');
    expect(weekday('1950-01-01')).toBe(0);
  });

  it('skip weekends the same way in the working-day sums', () => {
    const calendar = { coversFrom: '0050-01-01', coversTo: '0050-12-31', holidays: [] };
    // Friday 7 January 0050 plus one working day is Monday 10 January.
    expect(addWorkingDays('0050-01-07', 1, calendar)).toBe('0050-01-10');
  });
});

describe('GOV.UK dates and London times', () => {
  it('write short dates for tables and a month on its own', () => {
    expect(formatShortDate('2026-11-03')).toBe('3 Nov 2026');
    expect(formatMonthYear('2020-11')).toBe('November 2020');
    expect(() => formatMonthYear('2020-13')).toThrow(RangeError);
  });

  it('write London times on the 24-hour clock, in summer and winter', () => {
    expect(londonTime(new Date('2026-07-01T09:05:00Z'))).toBe('10:05');
    expect(londonTime(new Date('2026-01-01T00:00:00Z'))).toBe('00:00');
    expect(londonDateTime('2026-06-30T23:30:00.000Z')).toBe('1 July 2026 at 00:30');
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
