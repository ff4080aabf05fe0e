import { describe, it, expect } from 'vitest';
import bankHolidaysJson from '../../src/content/data/bank-holidays.json';
import { bankHolidaysSchema } from '../../src/lib/schemas/bank-holidays';
import {
  addWorkingDays,
  isWorkingDay,
  londonDate,
  OutsideCalendarError,
  REPLY_WORKING_DAYS,
  replyByDate,
} from '../../src/lib/dates/index.ts';

const calendar = bankHolidaysSchema.parse(bankHolidaysJson);
const copy = <T>(value: T): T => structuredClone(value);
const issuesOf = (data: unknown): string[] => {
  const result = bankHolidaysSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

/** Easter Sunday by the Meeus/Jones/Butcher Gregorian algorithm, written independently of the data file. */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const iso = (date: Date): string => date.toISOString().slice(0, 10);
const plusDays = (date: Date, days: number): Date => new Date(date.getTime() + days * 86_400_000);
const isWeekend = (date: Date): boolean => date.getUTCDay() === 0 || date.getUTCDay() === 6;

function firstMonday(year: number, month: number): Date {
  let date = new Date(Date.UTC(year, month, 1));
  while (date.getUTCDay() !== 1) date = plusDays(date, 1);
  return date;
}

function lastMonday(year: number, month: number): Date {
  let date = new Date(Date.UTC(year, month + 1, 0));
  while (date.getUTCDay() !== 1) date = plusDays(date, -1);
  return date;
}

/** The England and Wales rules: fixed dates move to the next free weekday when they fall at a weekend. */
function expectedHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const observed: Date[] = [];
  const observe = (date: Date): void => {
    let day = date;
    while (isWeekend(day) || observed.some((taken) => taken.getTime() === day.getTime())) day = plusDays(day, 1);
    observed.push(day);
  };
  observe(new Date(Date.UTC(year, 0, 1)));
  observed.push(plusDays(easter, -2), plusDays(easter, 1), firstMonday(year, 4), lastMonday(year, 4), lastMonday(year, 7));
  observe(new Date(Date.UTC(year, 11, 25)));
  observe(new Date(Date.UTC(year, 11, 26)));
  return observed.map(iso).sort();
}

describe('bank holiday data', () => {
  it('matches its schema and covers 2025 to 2028', () => {
    expect(calendar.division).toBe('england-and-wales');
    expect(calendar.coversFrom).toBe('2025-01-01');
    expect(calendar.coversTo).toBe('2028-12-31');
    expect(calendar.holidays).toHaveLength(32);
  });

  it.each([2025, 2026, 2027, 2028])('lists the holidays the rules give for %i', (year) => {
    const listed = calendar.holidays.filter((h) => h.date.startsWith(`${year}-`)).map((h) => h.date);
    expect(listed).toEqual(expectedHolidays(year));
  });

  it('has Easter 2028 on 16 April, so Good Friday is 14 April and Easter Monday 17 April', () => {
    expect(iso(easterSunday(2028))).toBe('2028-04-16');
    expect(calendar.holidays).toContainEqual({ date: '2028-04-14', title: 'Good Friday' });
    expect(calendar.holidays).toContainEqual({ date: '2028-04-17', title: 'Easter Monday' });
  });

  it('marks the weekend substitutes', () => {
    const substitutes = calendar.holidays.filter((h) => h.substitute).map((h) => `${h.date} ${h.title}`);
    expect(substitutes).toEqual([
      '2026-12-28 Boxing Day',
      '2027-12-27 Christmas Day',
      '2027-12-28 Boxing Day',
      '2028-01-03 New Year\'s Day',
    ]);
  });

  it('rejects a holiday on a weekend', () => {
    const data = copy(bankHolidaysJson);
    data.holidays[15] = { date: '2026-12-26', title: 'Boxing Day', substitute: true };
    expect(issuesOf(data).join()).toMatch(/2026-12-26 is a weekend/);
  });

  it('rejects dates out of order and repeated dates', () => {
    const swapped = copy(bankHolidaysJson);
    swapped.holidays.reverse();
    expect(issuesOf(swapped).join()).toMatch(/keep dates in order/);
    const repeated = copy(bankHolidaysJson);
    repeated.holidays.splice(1, 0, { date: '2025-01-01', title: "New Year's Day" });
    expect(issuesOf(repeated).join()).toMatch(/2025-01-01 is listed twice/);
  });

  it('rejects a date outside the years covered, and a date that does not exist', () => {
    const outside = copy(bankHolidaysJson);
    outside.holidays.push({ date: '2029-01-01', title: "New Year's Day" });
    expect(issuesOf(outside).join()).toMatch(/2029-01-01 is outside 2025-01-01 to 2028-12-31/);
    const unreal = copy(bankHolidaysJson);
    unreal.holidays[0] = { date: '2025-02-30', title: 'Not a day' };
    expect(issuesOf(unreal).join()).toMatch(/not a real calendar date/);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-11-23', true, 'a Monday'],
    ['2026-11-21', false, 'a Saturday'],
    ['2026-11-22', false, 'a Sunday'],
    ['2026-12-28', false, 'the Boxing Day substitute'],
    ['2026-12-24', true, 'Christmas Eve'],
  ])('%s is %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, calendar)).toBe(expected);
  });

  it('will not guess outside the calendar', () => {
    expect(() => isWorkingDay('2029-01-02', calendar)).toThrow(OutsideCalendarError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    // [start, expected, why]
    ['2026-11-23', '2026-11-30', 'Monday to the next Monday'],
    ['2026-11-26', '2026-12-03', 'Thursday, across one weekend'],
    ['2026-11-27', '2026-12-04', 'Friday, across one weekend'],
    ['2026-11-21', '2026-11-27', 'Saturday: Monday is day 1'],
    ['2026-11-22', '2026-11-27', 'Sunday: Monday is day 1'],
    ['2026-08-31', '2026-09-07', 'on the Summer bank holiday: the holiday itself does not count'],
    ['2026-12-23', '2027-01-04', 'Christmas 2026: 25 Dec, Boxing Day substitute 28 Dec and 1 Jan skipped'],
    ['2027-12-23', '2028-01-04', 'Christmas 2027: double substitute 27 and 28 Dec'],
    ['2027-12-30', '2028-01-07', 'New Year 2028: substitute Monday 3 Jan'],
    ['2026-04-02', '2026-04-13', 'Easter 2026: Good Friday 3 Apr and Easter Monday 6 Apr'],
    ['2027-03-24', '2027-04-02', 'Easter 2027: Good Friday 26 Mar (not 2 Apr) and Easter Monday 29 Mar'],
    ['2028-04-13', '2028-04-24', 'Easter 2028: Good Friday 14 Apr and Easter Monday 17 Apr'],
    ['2028-12-20', '2028-12-29', 'the last promise the calendar can make'],
  ])('%s + 5 = %s (%s)', (start, expected) => {
    expect(addWorkingDays(start, REPLY_WORKING_DAYS, calendar)).toBe(expected);
  });

  it('counts the days one by one: day 1 is the next working day, day 0 the start', () => {
    expect(addWorkingDays('2026-12-24', 0, calendar)).toBe('2026-12-24');
    expect(addWorkingDays('2026-12-24', 1, calendar)).toBe('2026-12-29');
    expect(addWorkingDays('2026-12-24', 2, calendar)).toBe('2026-12-30');
  });

  it('throws OutsideCalendarError for a start in 2024', () => {
    expect(() => addWorkingDays('2024-12-31', 5, calendar)).toThrow(OutsideCalendarError);
  });

  it('throws OutsideCalendarError rather than count into 2029, which it cannot see', () => {
    expect(() => addWorkingDays('2028-12-21', 5, calendar)).toThrow(OutsideCalendarError);
    try {
      addWorkingDays('2028-12-22', 5, calendar);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OutsideCalendarError);
      expect(error).toMatchObject({ name: 'OutsideCalendarError', date: '2029-01-01', coversTo: '2028-12-31' });
      expect(String(error)).toMatch(/bank-holidays\.json/);
    }
  });

  it('rejects dates that are not real and day counts that are not whole', () => {
    expect(() => addWorkingDays('2026-02-30', 5, calendar)).toThrow(/Not a real calendar date/);
    expect(() => addWorkingDays('23/11/2026', 5, calendar)).toThrow(/YYYY-MM-DD/);
    expect(() => addWorkingDays('2026-11-23', -1, calendar)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-23', 1.5, calendar)).toThrow(RangeError);
  });
});

describe('replyByDate', () => {
  it('counts from the London day: 23:30 UTC on 30 June is 00:30 BST on 1 July', () => {
    const lateEvening = new Date('2026-06-30T23:30:00Z');
    expect(londonDate(lateEvening)).toBe('2026-07-01');
    expect(replyByDate(lateEvening, calendar)).toBe('2026-07-08');
  });

  it('keeps a request at 23:30 BST (22:30 UTC) on 30 June on 30 June', () => {
    const beforeMidnight = new Date('2026-06-30T22:30:00Z');
    expect(londonDate(beforeMidnight)).toBe('2026-06-30');
    expect(replyByDate(beforeMidnight, calendar)).toBe('2026-07-07');
  });

  it('uses GMT in winter: 23:30 UTC on 4 December is still 4 December', () => {
    expect(londonDate(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-04');
    expect(replyByDate(new Date('2026-12-04T23:30:00Z'), calendar)).toBe('2026-12-11');
  });

  it('handles the night the clocks go forward', () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST.
    expect(londonDate(new Date('2026-03-28T23:59:59Z'))).toBe('2026-03-28');
    expect(londonDate(new Date('2026-03-29T00:00:00Z'))).toBe('2026-03-29');
    expect(londonDate(new Date('2026-03-29T23:00:00Z'))).toBe('2026-03-30');
  });

  it('counts a Friday-night request in BST from Saturday', () => {
    // 23:15 UTC on Friday 3 July 2026 is 00:15 BST on Saturday 4 July: Monday 6 July is day 1.
    expect(replyByDate(new Date('2026-07-03T23:15:00Z'), calendar)).toBe('2026-07-10');
  });

  it('throws OutsideCalendarError outside the calendar, and rejects an invalid instant', () => {
    expect(() => replyByDate(new Date('2024-06-01T12:00:00Z'), calendar)).toThrow(OutsideCalendarError);
    expect(() => replyByDate(new Date('2028-12-28T12:00:00Z'), calendar)).toThrow(OutsideCalendarError);
    expect(() => replyByDate(new Date('not a date'), calendar)).toThrow(RangeError);
  });
});
