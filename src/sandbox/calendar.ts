// Calendar arithmetic on ISO dates (`YYYY-MM-DD`), all in UTC so that a date
// never shifts with the host's time zone. Generated sandbox data is scheduled
// on these dates, so payroll and bills land on the days a US bank would post them.

import type { IsoDate, IsoDateTime } from '../domain/model.js';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The UTC calendar date of an instant (the Item creation day). */
export function dateOfInstant(instant: IsoDateTime): IsoDate {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date-time: ${instant}`);
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 (UTC). */
export function dayNumber(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Month 1–12. */
export function monthOf(date: IsoDate): number {
  return Number(date.slice(5, 7));
}

export function dayOfMonth(date: IsoDate): number {
  return Number(date.slice(8, 10));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Builds a date, clamping `day` to the month's length ("the 31st" in June is the 30th). */
export function makeDate(year: number, month: number, day: number): IsoDate {
  const clamped = Math.min(Math.max(day, 1), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
}

/** First day of the month `offset` months after the month containing `date`. */
export function monthStart(date: IsoDate, offset = 0): IsoDate {
  const index = yearOf(date) * 12 + (monthOf(date) - 1) + offset;
  return makeDate(Math.floor(index / 12), (index % 12) + 1, 1);
}

export function lastDayOfMonth(date: IsoDate): IsoDate {
  return makeDate(yearOf(date), monthOf(date), 31);
}

/** The `n`th (1-based) given weekday of a month; n = -1 means the last one. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): IsoDate {
  if (n === -1) {
    const last = makeDate(year, month, 31);
    return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
  }
  const first = makeDate(year, month, 1);
  return addDays(first, ((weekday - dayOfWeek(first) + 7) % 7) + (n - 1) * 7);
}

/**
 * Federal Reserve (ACH) holidays. The Fed closes on the Monday after a holiday
 * that falls on Sunday but, unlike federal offices, stays open on the Friday
 * before a Saturday holiday — so a Saturday holiday closes nothing extra.
 */
export function isBankHoliday(date: IsoDate): boolean {
  const year = yearOf(date);
  return bankHolidays(year).has(date);
}

const holidayCache = new Map<number, ReadonlySet<IsoDate>>();

function bankHolidays(year: number): ReadonlySet<IsoDate> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const fixed = [
    makeDate(year, 1, 1),
    ...(year >= 2022 ? [makeDate(year, 6, 19)] : []),
    makeDate(year, 7, 4),
    makeDate(year, 11, 11),
    makeDate(year, 12, 25),
  ].map((d) => (dayOfWeek(d) === 0 ? addDays(d, 1) : d));
  const floating = [
    nthWeekday(year, 1, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving
  ];
  const set = new Set([...fixed, ...floating]);
  holidayCache.set(year, set);
  return set;
}

export function isBusinessDay(date: IsoDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(date);
}

/** The date itself when it is a business day, otherwise the business day before it. */
export function onOrBeforeBusinessDay(date: IsoDate): IsoDate {
  let d = date;
  while (!isBusinessDay(d)) d = addDays(d, -1);
  return d;
}

/** The date itself when it is a business day, otherwise the business day after it. */
export function onOrAfterBusinessDay(date: IsoDate): IsoDate {
  let d = date;
  while (!isBusinessDay(d)) d = addDays(d, 1);
  return d;
}

/** Every date from `from` to `to`, both included. */
export function* eachDay(from: IsoDate, to: IsoDate): Generator<IsoDate> {
  for (let n = dayNumber(from); n <= dayNumber(to); n++) yield fromDayNumber(n);
}
