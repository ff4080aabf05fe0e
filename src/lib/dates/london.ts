/**
 * London's calendar day and clock (GMT or BST) at an instant. The only place an instant is
 * turned into a London date or time; everything after works on YYYY-MM-DD strings.
 *
 * Formatters are made on first use rather than at import, so an island that imports this
 * file without using them carries no cost, and bundlers can drop what is unused.
 */

let londonParts: Intl.DateTimeFormat | undefined;
let londonClock: Intl.DateTimeFormat | undefined;

function checked(instant: Date): Date {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Expected a valid date and time');
  return instant;
}

/** The calendar day in London at an instant, as YYYY-MM-DD. */
export function londonDate(instant: Date): string {
  londonParts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    calendar: 'gregory',
    numberingSystem: 'latn',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  // formatToParts rather than format: the order and separators of a formatted date vary
  // between locales and ICU versions, the parts do not.
  const parts = londonParts.formatToParts(checked(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Today's date in London as YYYY-MM-DD (`now` replaceable in tests). */
export function todayInLondon(now: Date = new Date()): string {
  return londonDate(now);
}

/** The time in London at an instant, on the 24-hour clock: "14:05". */
export function londonTime(instant: Date): string {
  londonClock ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    numberingSystem: 'latn',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = londonClock.formatToParts(checked(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')}`;
}
