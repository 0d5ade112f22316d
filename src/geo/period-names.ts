/**
 * Names by period and event status, checked and published: a feature may carry the names it bore
 * at different dates (Zhennanguan, Munanguan, Youyiguan), which the maps show at a step's date;
 * and a planned or disputed event says so, so that it can be drawn as such.
 */
import { spanPeriod } from './dates.ts';
import { FEATURE_STATUSES, type PeriodName } from './features.ts';

const NAMES_HINT =
  'write [{"name": "Zhennanguan", "start": "1945", "end": "1952"}, ...], in order, without overlaps';

/** Problems with a feature's `names` (none when absent), and the names as published. */
export function checkPeriodNames(
  names: unknown,
  span: [number, number] | undefined,
): { problems: string[]; published?: PeriodName[] } {
  if (names === undefined) return { problems: [] };
  if (!Array.isArray(names) || names.length === 0)
    return { problems: [`"names" is not a list of names by period; ${NAMES_HINT}`] };
  const problems: string[] = [];
  const published: PeriodName[] = [];
  names.forEach((entry: unknown, i) => {
    const { name, start, end } = (entry ?? {}) as Record<string, unknown>;
    const which = `"names" entry ${i + 1}`;
    if (
      typeof name !== 'string' ||
      !name.trim() ||
      typeof start !== 'string' ||
      typeof end !== 'string'
    ) {
      problems.push(`${which} needs a "name", a "start" and an "end"; ${NAMES_HINT}`);
      return;
    }
    let period: [number, number];
    try {
      period = spanPeriod(start, end);
    } catch (error) {
      problems.push(`${which} ("${name}") has bad dates (${(error as Error).message})`);
      return;
    }
    if (span && (period[0] < span[0] || period[1] > span[1]))
      problems.push(
        `${which} ("${name}") runs ${start} to ${end}, outside the feature's own start and end; keep it within them`,
      );
    const previous = published[published.length - 1];
    if (previous && period[0] <= previous[1])
      problems.push(
        `${which} ("${name}") starts before "${previous[2]}" ends; list the names in order, without overlaps`,
      );
    published.push([period[0], period[1], name]);
  });
  return problems.length ? { problems } : { problems, published };
}

/** The problem with a feature's `status`, if any. */
export function statusProblem(status: unknown): string | undefined {
  if (status === undefined || (FEATURE_STATUSES as readonly unknown[]).includes(status))
    return undefined;
  return `"status" is "${String(status)}"; use ${FEATURE_STATUSES.join(' or ')} (or leave it out for what happened)`;
}
