const monthNames = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Splits YYYY-MM-DD without going through Date, so no time zone can shift the day. */
function parts(isoDate: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`Expected a date as YYYY-MM-DD, got "${isoDate}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** GOV.UK style: "23 November 2026". */
export function formatLongDate(isoDate: string): string {
  const [year, month, day] = parts(isoDate);
  const name = monthNames[month - 1];
  if (!name || day < 1 || day > 31) throw new Error(`Not a real date: "${isoDate}"`);
  return `${day} ${name} ${year}`;
}

/** Today's date in London as YYYY-MM-DD. */
export function todayInLondon(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}
