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

export function periodsOverlap(a: [number, number], b: [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
