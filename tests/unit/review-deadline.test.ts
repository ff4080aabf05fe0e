import { describe, it, expect } from 'vitest';
import { addDays, formatLongDate as formatDate, formatDateWithDay, isLeapYear, isRealIsoDate } from '../../src/lib/dates/index.ts';
import {
  REVIEW_PERIOD_DAYS,
  dateMessages,
  daysLeft,
  deadlineAnswer,
  firstDayOfReviewPeriod,
  lastDayToAskForReview,
  missingPartsMessage,
  parseDateParts,
  timeLeftSentence,
} from '../../src/lib/dates/review-deadline.ts';

const today = '2026-11-23';
const parts = (day: string, month: string, year: string) => ({ day, month, year });

describe('the last day to ask for a review (reg 29: 28 days starting with the day after)', () => {
  it('is 28 calendar days after the day the outcome was given: 1 April → 29 April', () => {
    expect(REVIEW_PERIOD_DAYS).toBe(28);
    expect(firstDayOfReviewPeriod('2026-04-01')).toBe('2026-04-02');
    expect(lastDayToAskForReview('2026-04-01')).toBe('2026-04-29');
    expect(formatDateWithDay('2026-04-29')).toBe('Wednesday 29 April 2026');
  });

  it.each([
    // Month ends
    ['2027-01-31', '2027-02-28'],
    ['2026-01-30', '2026-02-27'],
    ['2028-01-30', '2028-02-27'],
    ['2028-01-31', '2028-02-28'],
    ['2026-03-31', '2026-04-28'],
    ['2026-04-30', '2026-05-28'],
    ['2026-08-31', '2026-09-28'],
    // Leap years, and a century that is not one
    ['2028-02-01', '2028-02-29'],
    ['2027-02-01', '2027-03-01'],
    ['2028-02-29', '2028-03-28'],
    ['2100-02-01', '2100-03-01'],
    ['2000-02-01', '2000-02-29'],
    // Year end
    ['2026-12-04', '2027-01-01'],
    ['2026-12-28', '2027-01-25'],
    ['2026-12-31', '2027-01-28'],
    ['2026-12-03', '2026-12-31'],
    // Across the clock changes: 29 March 2026, 25 October 2026, 28 March 2027, 31 October 2027
    ['2026-03-28', '2026-04-25'],
    ['2026-03-29', '2026-04-26'],
    ['2026-03-05', '2026-04-02'],
    ['2027-03-05', '2027-04-02'],
    ['2026-10-24', '2026-11-21'],
    ['2026-10-25', '2026-11-22'],
    ['2027-10-30', '2027-11-27'],
  ])('outcome on %s → last day %s', (given, last) => {
    expect(lastDayToAskForReview(given)).toBe(last);
  });

  it('does not change with the computer’s time zone', () => {
    const original = process.env.TZ;
    try {
      for (const zone of ['Europe/London', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Australia/Lord_Howe']) {
        process.env.TZ = zone;
        expect(lastDayToAskForReview('2026-03-28'), zone).toBe('2026-04-25');
        expect(lastDayToAskForReview('2026-10-24'), zone).toBe('2026-11-21');
        expect(formatDateWithDay('2026-10-25'), zone).toBe('Sunday 25 October 2026');
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('refuses a date that is not a real YYYY-MM-DD date', () => {
    expect(() => lastDayToAskForReview('2026-02-30')).toThrow(/real calendar date/);
    expect(() => lastDayToAskForReview('2027-02-29')).toThrow(/real calendar date/);
    expect(() => lastDayToAskForReview('1/4/2026')).toThrow(/YYYY-MM-DD/);
    expect(() => lastDayToAskForReview('')).toThrow();
    expect(isRealIsoDate('2028-02-29')).toBe(true);
    expect(isRealIsoDate('2026-13-01')).toBe(false);
  });

  it('adds days in both directions', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('knows leap years', () => {
    expect([2024, 2026, 2028, 1900, 2000, 2100].map(isLeapYear)).toEqual([true, false, true, false, true, false]);
  });
});

describe('days left', () => {
  it('counts whole days from today to the last day', () => {
    expect(daysLeft('2026-04-29', '2026-04-01')).toBe(28);
    expect(daysLeft('2026-04-29', '2026-04-28')).toBe(1);
    expect(daysLeft('2026-04-29', '2026-04-29')).toBe(0);
    expect(daysLeft('2026-04-29', '2026-04-30')).toBe(-1);
  });

  it('is not shortened or stretched by a clock change in between', () => {
    expect(daysLeft('2026-04-25', '2026-03-28')).toBe(28);
    expect(daysLeft('2026-11-21', '2026-10-24')).toBe(28);
  });

  it('over a year end and a leap day', () => {
    expect(daysLeft('2027-01-25', '2026-12-28')).toBe(28);
    expect(daysLeft('2028-03-01', '2028-02-28')).toBe(2);
  });
});

describe('reading the day, month and year boxes', () => {
  it('accepts a real past date, with or without leading zeros and spaces', () => {
    expect(parseDateParts(parts('1', '4', '2026'), today)).toEqual({ ok: true, isoDate: '2026-04-01' });
    expect(parseDateParts(parts(' 01 ', '04', '2026 '), today)).toEqual({ ok: true, isoDate: '2026-04-01' });
    expect(parseDateParts(parts('29', '2', '2028'), '2028-03-01')).toEqual({ ok: true, isoDate: '2028-02-29' });
  });

  it('accepts month names and their first three letters', () => {
    expect(parseDateParts(parts('1', 'April', '2026'), today)).toEqual({ ok: true, isoDate: '2026-04-01' });
    expect(parseDateParts(parts('1', 'sep', '2026'), today)).toEqual({ ok: true, isoDate: '2026-09-01' });
    expect(parseDateParts(parts('1', 'Sept', '2026'), today).ok).toBe(false);
  });

  it('accepts today, and refuses tomorrow', () => {
    expect(parseDateParts(parts('23', '11', '2026'), today)).toEqual({ ok: true, isoDate: '2026-11-23' });
    expect(parseDateParts(parts('24', '11', '2026'), today)).toEqual({
      ok: false,
      errors: [{ field: 'date', message: 'The date must be today or in the past', inputs: ['day', 'month', 'year'] }],
    });
  });

  it('asks for the date when all three boxes are empty', () => {
    expect(parseDateParts(parts('', ' ', ''), today)).toEqual({
      ok: false,
      errors: [{ field: 'date', message: 'Enter the date you got your outcome letter', inputs: ['day', 'month', 'year'] }],
    });
  });

  it.each([
    [parts('', '4', '2026'), 'day', 'The date must include a day', ['day']],
    [parts('1', '', '2026'), 'month', 'The date must include a month', ['month']],
    [parts('1', '4', ''), 'year', 'The date must include a year', ['year']],
    [parts('', '', '2026'), 'day', 'The date must include a day and month', ['day', 'month']],
    [parts('1', '', ''), 'month', 'The date must include a month and year', ['month', 'year']],
    [parts('', '4', ''), 'day', 'The date must include a day and year', ['day', 'year']],
  ] as const)('names the missing part: %o', (input, field, message, inputs) => {
    expect(parseDateParts(input, today)).toEqual({ ok: false, errors: [{ field, message, inputs }] });
  });

  it.each([
    [parts('31', '2', '2026'), 'date', ['day', 'month', 'year']],
    [parts('29', '2', '2027'), 'date', ['day', 'month', 'year']],
    [parts('31', '4', '2026'), 'date', ['day', 'month', 'year']],
    [parts('32', '1', '2026'), 'day', ['day']],
    [parts('0', '1', '2026'), 'day', ['day']],
    [parts('1x', '1', '2026'), 'day', ['day']],
    [parts('1.5', '1', '2026'), 'day', ['day']],
    [parts('-1', '1', '2026'), 'day', ['day']],
    [parts('1', '13', '2026'), 'month', ['month']],
    [parts('1', '0', '2026'), 'month', ['month']],
    [parts('1', 'Smarch', '2026'), 'month', ['month']],
    [parts('40', '13', '2026'), 'date', ['day', 'month']],
    [parts('1', '4', '20x6'), 'year', ['year']],
  ] as const)('says an impossible date must be a real date: %o', (input, field, inputs) => {
    expect(parseDateParts(input, today)).toEqual({ ok: false, errors: [{ field, message: 'The date must be a real date', inputs }] });
  });

  it.each([['26'], ['202'], ['02026'], ['0']])('asks for 4 numbers in the year: %s', (year) => {
    expect(parseDateParts(parts('1', '4', year), today)).toEqual({
      ok: false,
      errors: [{ field: 'year', message: 'Year must include 4 numbers', inputs: ['year'] }],
    });
  });

  it('refuses a date in the future, whatever year', () => {
    const result = parseDateParts(parts('1', '1', '2099'), today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toBe(dateMessages.future);
  });

  it('checks missing parts before anything else, as GOV.UK does', () => {
    const result = parseDateParts(parts('99', '', '26'), today);
    expect(result.ok === false && result.errors[0]!.message).toBe('The date must include a month');
  });

  it('has exactly the GOV.UK-style messages', () => {
    expect(dateMessages).toEqual({
      empty: 'Enter the date you got your outcome letter',
      realDate: 'The date must be a real date',
      yearLength: 'Year must include 4 numbers',
      future: 'The date must be today or in the past',
    });
    expect(missingPartsMessage(['month'])).toBe('The date must include a month');
    expect(() => missingPartsMessage([])).toThrow();
  });
});

describe('what the calculator says', () => {
  it('gives the last day with its weekday and the rule it used', () => {
    expect(deadlineAnswer('2026-04-01', '2026-04-10')).toEqual({
      lastDay: '2026-04-29',
      deadline: 'The last day to ask for a review is Wednesday 29 April 2026. That is 28 days starting from the day after 1 April 2026.',
      timeLeft: 'It is 19 days from today.',
    });
  });

  it('says when the last day is tomorrow, today, or has passed', () => {
    expect(deadlineAnswer('2026-04-01', '2026-04-28').timeLeft).toBe(timeLeftSentence(1));
    expect(timeLeftSentence(1)).toMatch(/^It is tomorrow/);
    expect(deadlineAnswer('2026-04-01', '2026-04-29').timeLeft).toBe('It is today, so send your request today.');
    expect(deadlineAnswer('2026-04-01', '2026-11-23').timeLeft).toMatch(/^That day has passed\. .*exceptional circumstances/);
  });

  it('writes dates the GOV.UK way', () => {
    expect(formatDate('2027-01-05')).toBe('5 January 2027');
    expect(formatDateWithDay('2028-02-29')).toBe('Tuesday 29 February 2028');
  });
});
