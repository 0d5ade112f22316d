/**
 * Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as inclusive periods of YYYYMMDD numbers,
 * so that map filters can compare them with plain numeric expressions.
 */

const PARTIAL_ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first and last day a partial date covers, e.g. "1954" -> [19540101, 19541231]. */
export function datePeriod(value: string): [number, number] {
  const match = PARTIAL_ISO.exec(value);
  if (!match) throw new Error(`"${value}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`);
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) {
    throw new Error(`"${value}" has no month ${month}`);
  }
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    throw new Error(`"${value}" has no day ${day}`);
  }
  const base = year * 10000;
  if (month === undefined) return [base + 101, base + 1231];
  if (day === undefined)
    return [base + month * 100 + 1, base + month * 100 + daysInMonth(year, month)];
  const exact = base + month * 100 + day;
  return [exact, exact];
}

/** The inclusive period from the first day of `start` to the last day of `end`. */
export function spanPeriod(start: string, end: string): [number, number] {
  const from = datePeriod(start)[0];
  const to = datePeriod(end)[1];
  if (from > to) throw new Error(`start ${start} is after end ${end}`);
  return [from, to];
}

/**
 * A step's date: one partial date, or a range written as an ISO 8601 interval ("1953-11/1954-05")
 * for a step whose text spans months or years.
 */
export function stepPeriod(value: string): [number, number] {
  const [start, end, extra] = value.split('/');
  if (extra !== undefined || end === undefined) return datePeriod(value);
  return spanPeriod(start!.trim(), end.trim());
}

/** A period in words for messages: "1954-07-21 to 1976-07-02". */
export function formatPeriod([from, to]: [number, number]): string {
  const iso = (value: number) => String(value).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
  return `${iso(from)} to ${iso(to)}`;
}

export function periodsOverlap(a: [number, number], b: [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A step's date in words: "1965", "June 1965", "21 July 1954", "November 1953 – April 1954". */
export function describeDate(value: string): string {
  const [start, end] = value.split('/');
  if (end !== undefined) return `${describeDate(start!.trim())} – ${describeDate(end.trim())}`;
  const match = PARTIAL_ISO.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  if (!month) return year!;
  const name = MONTHS[Number(month) - 1];
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** Where a YYYYMMDD day falls between two years, from 0 (1 January of `first`) to 1 (end of `last`). */
export function yearFraction(day: number, first: number, last: number): number {
  const year = Math.floor(day / 10000);
  const month = Math.floor(day / 100) % 100;
  const date = day % 100;
  const at = year + (month - 1) / 12 + (date - 1) / 365;
  return Math.min(1, Math.max(0, (at - first) / (last + 1 - first)));
}
