// Whole-day calendar arithmetic for report windows. Dates are handled as "epoch days" (days since
// 1970-01-01, UTC) so that windows, buckets and gaps are plain integer arithmetic; the conversions
// are Howard Hinnant's civil-date algorithms, which need no Date object and no time zone.

import type { IsoDate, IsoDateTime } from '../model.js';

const MS_PER_DAY = 86_400_000;

/** An inclusive range of epoch days. */
export interface DayRange {
  firstDay: number;
  lastDay: number;
}

/**
 * The span a report covers: `daysRequested` whole UTC days ending on (and including) the report
 * date, which is the UTC calendar date of `date_generated`.
 */
export interface ReportWindow extends DayRange {
  reportDay: number;
  daysRequested: number;
}

/** The trailing windows of the `_30d`, `_60d` and `_90d` attributes. */
export const TRAILING_WINDOW_DAYS = [30, 60, 90] as const;
export type TrailingWindowDays = (typeof TRAILING_WINDOW_DAYS)[number];

/** Epoch day of a `YYYY-MM-DD` date. Throws on anything else: stored dates are already validated. */
export function epochDayFromIsoDate(date: IsoDate): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) {
    throw new RangeError(`not an ISO date: ${date}`);
  }
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 7);
  const day = digits(date, 8, 10);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not an ISO date: ${date}`);
  }
  return daysFromCivil(year, month, day);
}

/** `YYYY-MM-DD` of an epoch day. */
export function isoDateFromEpochDay(epochDay: number): IsoDate {
  const { year, month, day } = civilFromDays(epochDay);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Epoch day of the UTC calendar date on which an instant falls. */
export function epochDayOfInstant(instant: IsoDateTime): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date-time: ${instant}`);
  return Math.floor(ms / MS_PER_DAY);
}

/** The report window: [reportDate − daysRequested + 1 … reportDate], both ends included. */
export function reportWindow(generatedAt: IsoDateTime, daysRequested: number): ReportWindow {
  if (!Number.isInteger(daysRequested) || daysRequested < 1) {
    throw new RangeError(`days_requested must be a positive integer, got ${daysRequested}`);
  }
  const reportDay = epochDayOfInstant(generatedAt);
  return { firstDay: reportDay - daysRequested + 1, lastDay: reportDay, reportDay, daysRequested };
}

/**
 * The last `days` days of the window, counted back from the report date inclusive (brief §G.19),
 * clipped to the window should `days` exceed it.
 */
export function trailingRange(window: ReportWindow, days: number): DayRange {
  return { firstDay: Math.max(window.firstDay, window.reportDay - days + 1), lastDay: window.reportDay };
}

export function inRange(day: number, range: DayRange): boolean {
  return day >= range.firstDay && day <= range.lastDay;
}

/** Number of days in an inclusive range (0 when empty). */
export function rangeLength(range: DayRange): number {
  return Math.max(0, range.lastDay - range.firstDay + 1);
}

/** Epoch day of the first day of the calendar month containing `epochDay`. */
export function monthStart(epochDay: number): number {
  const { year, month } = civilFromDays(epochDay);
  return daysFromCivil(year, month, 1);
}

/** Epoch day of the last day of the calendar month containing `epochDay`. */
export function monthEnd(epochDay: number): number {
  const { year, month } = civilFromDays(epochDay);
  return daysFromCivil(year, month, daysInMonth(year, month));
}

/** The calendar months overlapping `range`, in order, each clipped to `range`. */
export function calendarMonths(range: DayRange): DayRange[] {
  const months: DayRange[] = [];
  let first = range.firstDay;
  while (first <= range.lastDay) {
    const last = Math.min(monthEnd(first), range.lastDay);
    months.push({ firstDay: first, lastDay: last });
    first = last + 1;
  }
  return months;
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new RangeError(`not an ISO date: ${text}`);
    value = value * 10 + d;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// https://howardhinnant.github.io/date_algorithms.html#days_from_civil
/** Epoch day of a proleptic Gregorian calendar date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

// https://howardhinnant.github.io/date_algorithms.html#civil_from_days
export function civilFromDays(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
