import { describe, it, expect } from 'vitest';
import { addDays, bankHolidayCalendar, formatLongDate as formatDate, formatDateWithDay, isLeapYear, isRealIsoDate, weekday } from '../../src/lib/dates/index.ts';
import {
  REVIEW_PERIOD_DAYS,
  dateMessages,
  earlierDateAdvice,
  weekendNote,
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

describe('the day a review request must be received by (reg 29, and the IOPC form: 28 days from the day after the date on the letter)', () => {
  it('a letter dated 1 April must be answered so the request is received by 29 April', () => {
    expect(REVIEW_PERIOD_DAYS).toBe(28);
    expect(firstDayOfReviewPeriod('2026-04-01')).toBe('2026-04-02');
    expect(lastDayToAskForReview('2026-04-01')).toBe('2026-04-29');
    expect(formatDateWithDay('2026-04-29')).toBe('Wednesday 29 April 2026');
    expect(deadlineAnswer('2026-04-01', '2026-04-10').deadline).toMatch(/^Your request must be received by Wednesday 29 April 2026\./);
  });

  // Calendar days, as reg 29 and the IOPC form count them: a bank holiday inside the 28 days, or on
  // the last day, neither adds a day nor moves the last day. The holidays are checked against the
  // site's own bank holiday list, so a wrong date in either would fail here.
  const holidays = new Map(bankHolidayCalendar().holidays.map((h) => [h.date, h.title]));
  it.each([
    // The last day is a bank holiday, and stays the last day
    ['2026-03-06', '2026-04-03', 'Good Friday'],
    ['2026-03-09', '2026-04-06', 'Easter Monday'],
    ['2026-04-27', '2026-05-25', 'Spring bank holiday'],
    ['2026-08-03', '2026-08-31', 'Summer bank holiday'],
    ['2026-11-27', '2026-12-25', 'Christmas Day'],
    ['2026-11-30', '2026-12-28', 'Boxing Day'],
    ['2027-11-29', '2027-12-27', 'Christmas Day'],
    ['2027-11-30', '2027-12-28', 'Boxing Day'],
    ['2027-12-04', '2028-01-01', undefined],
    ['2027-12-06', '2028-01-03', "New Year's Day"],
  ])('a letter dated %s → received by %s, a bank holiday that still counts (%s)', (dated, last, holiday) => {
    expect(lastDayToAskForReview(dated)).toBe(last);
    expect(holidays.get(last)).toBe(holiday);
  });

  it.each([
    // Bank holidays inside the 28 days are counted like any other day
    ['2026-03-20', '2026-04-17'], // Good Friday 3 April and Easter Monday 6 April inside
    ['2026-12-20', '2027-01-17'], // 25 and 28 December and 1 January inside
    ['2027-03-25', '2027-04-22'], // Good Friday 26 March and Easter Monday 29 March inside
    // A letter dated on a bank holiday or a weekend: day 1 is still the next day
    ['2026-05-04', '2026-06-01'],
    ['2026-12-25', '2027-01-22'],
    ['2026-11-28', '2026-12-26'],
  ])('a letter dated %s → received by %s: holidays inside the 28 days add nothing', (dated, last) => {
    expect(lastDayToAskForReview(dated)).toBe(last);
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
      errors: [{ field: 'date', message: 'Enter the date printed on your outcome letter', inputs: ['day', 'month', 'year'] }],
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
      empty: 'Enter the date printed on your outcome letter',
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
      deadline: 'Your request must be received by Wednesday 29 April 2026. That is 28 days starting from the day after the date on your letter, 1 April 2026.',
      timeLeft: 'It is 19 days from today. Leave time for your request to arrive.',
      weekend: undefined,
      earlierDate: earlierDateAdvice,
    });
    expect(earlierDateAdvice).toBe('If you were told the outcome before the date on the letter, count from the earlier day to be safe.');
  });

  it('says a last day on a weekend still counts and does not move to the Monday', () => {
    // 31 January 2027 + 28 = Sunday 28 February 2027; 30 January 2027 + 28 = Saturday 27 February.
    expect(weekday('2027-02-28')).toBe(0);
    expect(deadlineAnswer('2027-01-31', '2027-02-01')).toMatchObject({
      lastDay: '2027-02-28',
      weekend: 'That day is a Sunday. It still counts, and the deadline does not move to the Monday. So send your request before then.',
    });
    expect(weekendNote('2027-02-27')).toMatch(/^That day is a Saturday\./);
    expect(weekendNote('2027-03-01')).toBeUndefined();
  });

  it('says a last day on a bank holiday still counts and does not move', () => {
    // 30 November 2026 + 28 = Monday 28 December 2026, the Boxing Day substitute day in the site's list.
    const holidays = new Map(bankHolidayCalendar().holidays.map((h) => [h.date, h.title]));
    expect(holidays.has('2026-12-28')).toBe(true);
    const answer = deadlineAnswer('2026-11-30', '2026-12-01', holidays);
    expect(answer.lastDay).toBe('2026-12-28');
    expect(answer.weekend).toBe(`That day is a bank holiday (${holidays.get('2026-12-28')}). It still counts, and the deadline does not move. So send your request before then.`);
    // Without the list, a Monday says nothing; an ordinary day says nothing with it.
    expect(deadlineAnswer('2026-11-30', '2026-12-01').weekend).toBeUndefined();
    expect(weekendNote('2026-04-29', holidays)).toBeUndefined();
  });

  it('says when the last day is tomorrow, today, or has passed', () => {
    expect(deadlineAnswer('2026-04-01', '2026-04-28').timeLeft).toBe(timeLeftSentence(1));
    expect(timeLeftSentence(1)).toMatch(/^It is tomorrow/);
    expect(timeLeftSentence(1)).toMatch(/post may not arrive in time/);
    expect(deadlineAnswer('2026-04-01', '2026-04-29').timeLeft).toBe('It is today, so send your request now, online or by email. A letter by post will not arrive in time.');
    // A late request: say why (the IOPC form), and what police pages say, worded as theirs.
    const late = deadlineAnswer('2026-04-01', '2026-11-23').timeLeft;
    expect(late).toMatch(/^That day has passed\. You can still ask: say why you are late\./);
    expect(late).toMatch(/The IOPC asks for your reasons/);
    expect(late).toMatch(/Police pages say late requests are only accepted in exceptional circumstances\.$/);
  });

  it('writes dates the GOV.UK way', () => {
    expect(formatDate('2027-01-05')).toBe('5 January 2027');
    expect(formatDateWithDay('2028-02-29')).toBe('Tuesday 29 February 2028');
  });
});
