// Pay frequency detection: which calendar a stream of payment days follows.
//
// A pay calendar is a set of nominal pay days moved to a business day: every 7 or 14 days from
// an anchor weekday (WEEKLY, BIWEEKLY), one or two fixed days of each month (MONTHLY,
// SEMI_MONTHLY; day 31 means the last day), the nth weekday of each month (MONTHLY, as Social
// Security pays on the 2nd/3rd/4th Wednesday), or every business day (DAILY). Each candidate
// calendar is fitted to the observed payment days and scored:
//
//   - the anchor (weekday phase, or day(s) of month) and the move direction (to the business day
//     before or after a weekend/holiday) are the pair that the most payments hit exactly once
//     moved (2 points) or within the tolerance (1 point); before on a tie;
//   - the calendar's pay days between the first and the last payment are matched to payments
//     within the tolerance, counted in business days so that a Friday payment posted on Monday is
//     one day late (WEEKLY ±1, BIWEEKLY ±2, SEMI_MONTHLY and MONTHLY ±3, DAILY 0), each pay day
//     taking at most one payment;
//   - coverage = matched pay days / pay days (missed payments lower it), regularity = matched
//     payments / payments (extra payments, e.g. bonuses, lower it), and the fit's score is their
//     harmonic mean plus 0.25 × the share of payments that fell exactly on a pay day.
//
// The best-scoring calendar wins when its harmonic mean is at least 0.7 (ties go to MONTHLY,
// BIWEEKLY, WEEKLY, SEMI_MONTHLY, DAILY in that order); otherwise the frequency is UNKNOWN.

import type { BankCalendar } from '../bank-calendar.js';
import { dayInMonth, nthWeekday, weekdayOf, yearMonthOf } from '../bank-calendar.js';

export type PayFrequency = 'WEEKLY' | 'BIWEEKLY' | 'SEMI_MONTHLY' | 'MONTHLY' | 'DAILY' | 'UNKNOWN';
export type KnownFrequency = Exclude<PayFrequency, 'UNKNOWN'>;
type Shift = 'before' | 'after';

/** Payments per month of each calendar, for monthly income: 52/12, 26/12, 2, 1, and 261/12 business days. */
export const PAYMENTS_PER_MONTH: Record<KnownFrequency, number> = {
  WEEKLY: 52 / 12,
  BIWEEKLY: 26 / 12,
  SEMI_MONTHLY: 2,
  MONTHLY: 1,
  DAILY: 261 / 12,
};

const TOLERANCE_DAYS: Record<KnownFrequency, number> = { WEEKLY: 1, BIWEEKLY: 2, SEMI_MONTHLY: 3, MONTHLY: 3, DAILY: 0 };
const MIN_FIT = 0.7;
/** Weight of the share of payments exactly on a pay day: a calendar that explains the days exactly beats one that merely comes close. */
const EXACT_WEIGHT = 0.25;
const LAST_DAY = 31;

export interface PaySchedule {
  frequency: KnownFrequency;
  toleranceDays: number;
  /** Business pay days in [fromDay, toDay], ascending. */
  payDays(fromDay: number, toDay: number): number[];
  /** Human-readable description of the calendar (tests, diagnostics). */
  describe: string;
}

export interface ScheduleFit {
  schedule: PaySchedule;
  coverage: number;
  regularity: number;
  score: number;
  /** For each payment day (input order): the pay day it was matched to, or null for an extra payment. */
  matchedPayDay: (number | null)[];
}

/** Fits every calendar to ascending, distinct payment days; null when none fits (UNKNOWN). */
export function detectSchedule(days: readonly number[], calendar: BankCalendar): ScheduleFit | null {
  if (days.length < 2) return null;
  let best: ScheduleFit | null = null;
  for (const fit of fitCalendars(days, calendar)) {
    if (fit.coverage === 0) continue;
    if (best === null || fit.score > best.score + 1e-9) best = fit;
  }
  if (best === null || harmonic(best.coverage, best.regularity) < MIN_FIT) return null;
  return best;
}

/** Every candidate calendar fitted to the payment days, in tie-breaking order (for diagnostics and tests). */
export function fitCalendars(days: readonly number[], calendar: BankCalendar): ScheduleFit[] {
  const candidates: PaySchedule[] = [
    monthlySchedule(days, calendar, 1),
    monthlyWeekdaySchedule(days, calendar),
    periodicSchedule(days, calendar, 14, 'BIWEEKLY'),
    periodicSchedule(days, calendar, 7, 'WEEKLY'),
    monthlySchedule(days, calendar, 2),
  ];
  if (days.length >= 8) candidates.push(dailySchedule(calendar));
  return candidates.map((schedule) => evaluate(schedule, days, calendar));
}

function harmonic(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}

/** Business days from `a` to `b`: those in (min, max]. A Friday pay day paid on Monday is 1 day late. */
function businessDistance(a: number, b: number, calendar: BankCalendar): number {
  let n = 0;
  for (let d = Math.min(a, b) + 1; d <= Math.max(a, b); d++) if (calendar.isBusinessDay(d)) n++;
  return n;
}

function evaluate(schedule: PaySchedule, days: readonly number[], calendar: BankCalendar): ScheduleFit {
  const tol = schedule.toleranceDays;
  // Calendar days within which `tol` business days can fall (a long weekend adds up to 4).
  const reach = tol + MAX_SHIFT_DAYS;
  const payDays = schedule.payDays(days[0] - tol, days[days.length - 1] + tol);
  const matchedPayDay = new Array<number | null>(days.length).fill(null);
  let matched = 0;
  let exact = 0;
  for (const payDay of payDays) {
    // The payment nearest the pay day within the tolerance, counted in business days (earlier on a
    // tie). Pay days are more than twice the tolerance apart, so a payment is within reach of one
    // pay day at most.
    let bestIndex = -1;
    let bestDistance = Infinity;
    for (let i = lowerBound(days, payDay - reach); i < days.length && days[i] <= payDay + reach; i++) {
      if (matchedPayDay[i] !== null) continue;
      const distance = days[i] === payDay ? 0 : businessDistance(days[i], payDay, calendar) + 0.001 * Math.abs(days[i] - payDay);
      if (distance <= tol + 0.5 && distance < bestDistance) {
        bestIndex = i;
        bestDistance = distance;
      }
    }
    if (bestIndex === -1) continue;
    matchedPayDay[bestIndex] = payDay;
    matched++;
    if (days[bestIndex] === payDay) exact++;
  }
  const coverage = payDays.length === 0 ? 0 : matched / payDays.length;
  const regularity = matched / days.length;
  return { schedule, coverage, regularity, score: harmonic(coverage, regularity) + (EXACT_WEIGHT * exact) / days.length, matchedPayDay };
}

export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function shifter(calendar: BankCalendar, shift: Shift): (day: number) => number {
  return shift === 'before' ? calendar.onOrBefore : calendar.onOrAfter;
}

/** Points of an anchor under each move direction: 2 per payment exactly on a moved nominal day, 1 per payment within the tolerance. */
interface AnchorScore {
  before: number;
  after: number;
}

/** A weekend next to a holiday moves a pay day by at most this many days. */
const MAX_SHIFT_DAYS = 4;

function scoreNominal(day: number, nominal: number, calendar: BankCalendar, tol: number, into: AnchorScore): void {
  const distance = Math.abs(day - nominal);
  if (distance > Math.max(tol, MAX_SHIFT_DAYS)) return;
  const near = distance <= tol ? 1 : 0;
  into.before += calendar.onOrBefore(nominal) === day ? 2 : near;
  into.after += calendar.onOrAfter(nominal) === day ? 2 : near;
}

function bestDirection(score: AnchorScore): Shift {
  return score.after > score.before ? 'after' : 'before';
}

function points(score: AnchorScore): number {
  return Math.max(score.before, score.after);
}

function periodicSchedule(days: readonly number[], calendar: BankCalendar, period: 7 | 14, frequency: 'WEEKLY' | 'BIWEEKLY'): PaySchedule {
  const tol = TOLERANCE_DAYS[frequency];
  let best: { phase: number; score: AnchorScore } | null = null;
  for (let phase = 0; phase < period; phase++) {
    const score: AnchorScore = { before: 0, after: 0 };
    for (const day of days) {
      const offset = (((day - phase) % period) + period) % period;
      const nominal = offset <= period / 2 ? day - offset : day - offset + period;
      scoreNominal(day, nominal, calendar, tol, score);
    }
    if (best === null || points(score) > points(best.score)) best = { phase, score };
  }
  const { phase, score } = best!;
  const shift = shifter(calendar, bestDirection(score));
  return {
    frequency,
    toleranceDays: tol,
    describe: `every ${period} days, phase ${phase}`,
    payDays(fromDay, toDay) {
      const out: number[] = [];
      const first = fromDay - ((((fromDay - phase) % period) + period) % period) - period;
      for (let nominal = first; nominal <= toDay + period; nominal += period) {
        const day = shift(nominal);
        if (day >= fromDay && day <= toDay && out[out.length - 1] !== day) out.push(day);
      }
      return out;
    },
  };
}

/** The first day and the length of the months before, of and after a payment's month. */
interface MonthsAround {
  starts: [number, number, number];
  lengths: [number, number, number];
}

function monthsAround(day: number): MonthsAround {
  const { year, month } = yearMonthOf(day);
  const starts: [number, number, number] = [dayInMonth(year, month - 1, 1), dayInMonth(year, month, 1), dayInMonth(year, month + 1, 1)];
  const next = dayInMonth(year, month + 2, 1);
  return { starts, lengths: [starts[1] - starts[0], starts[2] - starts[1], next - starts[2]] };
}

/** Day `anchor` (31 = last) of the k-th month around a payment. */
function anchorDay(m: MonthsAround, k: number, anchor: number): number {
  return m.starts[k] + Math.min(anchor, m.lengths[k]) - 1;
}

/** The n-th (−1 = last) `weekday` of the k-th month around a payment. */
function weekdayDay(m: MonthsAround, k: number, weekday: number, n: number): number {
  if (n === -1) {
    const last = m.starts[k] + m.lengths[k] - 1;
    return last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  return m.starts[k] + ((weekday - weekdayOf(m.starts[k]) + 7) % 7) + (n - 1) * 7;
}

/** The nominal day nearest `day` among the three months around it. */
function nearestInMonths(day: number, at: (k: number) => number): number {
  let best = at(1);
  const before = at(0);
  if (Math.abs(before - day) < Math.abs(best - day)) best = before;
  const after = at(2);
  if (Math.abs(after - day) < Math.abs(best - day)) best = after;
  return best;
}

const MONTH_ANCHORS: readonly number[] = [...Array.from({ length: 28 }, (_, i) => i + 1), LAST_DAY];

function monthlySchedule(days: readonly number[], calendar: BankCalendar, perMonth: 1 | 2): PaySchedule {
  const frequency = perMonth === 1 ? 'MONTHLY' : 'SEMI_MONTHLY';
  const tol = TOLERANCE_DAYS[frequency];
  const months = new Map(days.map((day) => [day, monthsAround(day)]));
  const nearestNominal = (day: number, anchor: number): number => {
    const m = months.get(day)!;
    return nearestInMonths(day, (k) => anchorDay(m, k, anchor));
  };

  const bestAnchor = (eligible: (anchor: number) => boolean, skip: (day: number) => boolean, value: (score: AnchorScore) => number) => {
    let best: { anchor: number; score: AnchorScore } | null = null;
    for (const anchor of MONTH_ANCHORS) {
      if (!eligible(anchor)) continue;
      const score: AnchorScore = { before: 0, after: 0 };
      for (const day of days) if (!skip(day)) scoreNominal(day, nearestNominal(day, anchor), calendar, tol, score);
      if (best === null || value(score) > value(best.score)) best = { anchor, score };
    }
    return best!;
  };

  const first = bestAnchor(() => true, () => false, points);
  const direction = bestDirection(first.score);
  const anchors = [first.anchor];
  if (perMonth === 2) {
    // The second pay day of the month is at least 10 days from the first, and is fitted (moved
    // the same way) to the payments the first one does not explain.
    const nearFirst = (day: number) => Math.abs(day - nearestNominal(day, first.anchor)) <= tol + 2;
    const second = bestAnchor((anchor) => monthDistance(anchor, first.anchor) >= 10, nearFirst, (score) => score[direction]);
    anchors.push(second.anchor);
  }
  anchors.sort((a, b) => a - b);
  const shift = shifter(calendar, direction);
  return {
    frequency,
    toleranceDays: tol,
    describe: `monthly on day${anchors.length > 1 ? 's' : ''} ${anchors.map((a) => (a === LAST_DAY ? 'last' : a)).join(' and ')}`,
    payDays(fromDay, toDay) {
      const out: number[] = [];
      const start = yearMonthOf(fromDay);
      const end = yearMonthOf(toDay);
      for (let m = start.year * 12 + start.month - 2; m <= end.year * 12 + end.month; m++) {
        for (const anchor of anchors) {
          const day = shift(dayInMonth(Math.floor(m / 12), (m % 12) + 1, anchor));
          if (day >= fromDay && day <= toDay && (out.length === 0 || out[out.length - 1] < day)) out.push(day);
        }
      }
      return out;
    },
  };
}

const WEEKDAY_ANCHORS: readonly (readonly [weekday: number, n: number])[] = [1, 2, 3, 4, 5].flatMap((w) => [1, 2, 3, 4, -1].map((n) => [w, n] as const));

/** MONTHLY on the nth weekday of the month (n = 1–4, or -1 for the last), anchored like the others. */
function monthlyWeekdaySchedule(days: readonly number[], calendar: BankCalendar): PaySchedule {
  const tol = TOLERANCE_DAYS.MONTHLY;
  const months = new Map(days.map((day) => [day, monthsAround(day)]));
  const nominalNear = (day: number, [weekday, n]: readonly [number, number]): number => {
    const m = months.get(day)!;
    return nearestInMonths(day, (k) => weekdayDay(m, k, weekday, n));
  };
  let best: { anchor: readonly [number, number]; score: AnchorScore } | null = null;
  for (const anchor of WEEKDAY_ANCHORS) {
    const score: AnchorScore = { before: 0, after: 0 };
    for (const day of days) scoreNominal(day, nominalNear(day, anchor), calendar, tol, score);
    if (best === null || points(score) > points(best.score)) best = { anchor, score };
  }
  const { anchor, score } = best!;
  const shift = shifter(calendar, bestDirection(score));
  return {
    frequency: 'MONTHLY',
    toleranceDays: tol,
    describe: `monthly on weekday ${anchor[0]} #${anchor[1]}`,
    payDays(fromDay, toDay) {
      const out: number[] = [];
      const start = yearMonthOf(fromDay);
      const end = yearMonthOf(toDay);
      for (let m = start.year * 12 + start.month - 2; m <= end.year * 12 + end.month; m++) {
        const day = shift(nthWeekday(Math.floor(m / 12), (m % 12) + 1, anchor[0], anchor[1]));
        if (day >= fromDay && day <= toDay && (out.length === 0 || out[out.length - 1] < day)) out.push(day);
      }
      return out;
    },
  };
}

/** Days between two days of the month on a 30-day circle (31 = last ≈ 30). */
function monthDistance(a: number, b: number): number {
  const x = Math.min(a, 30);
  const y = Math.min(b, 30);
  const d = Math.abs(x - y);
  return Math.min(d, 30 - d);
}

function dailySchedule(calendar: BankCalendar): PaySchedule {
  return {
    frequency: 'DAILY',
    toleranceDays: 0,
    describe: 'every business day',
    payDays(fromDay, toDay) {
      const out: number[] = [];
      for (let day = fromDay; day <= toDay; day++) if (calendar.isBusinessDay(day)) out.push(day);
      return out;
    },
  };
}
