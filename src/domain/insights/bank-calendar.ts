// Business days as the US ACH network counts them, on epoch days (see reports/windows.ts).
// Income schedules land on business days: a payday that falls on a weekend or a Federal Reserve
// holiday is paid on the business day before (payroll, benefits) or after (some transfers).
//
// Federal Reserve holidays: New Year's Day, Juneteenth (from 2022), Independence Day, Veterans
// Day and Christmas on their dates, moved to Monday when they fall on a Sunday (the Fed does not
// close on the Friday before a Saturday holiday); MLK Day, Washington's Birthday, Memorial Day,
// Labor Day, Columbus Day and Thanksgiving on their weekdays.

import { civilFromDays, daysFromCivil, daysInMonth } from '../reports/windows.js';

/** 0 = Sunday … 6 = Saturday. 1970-01-01 (epoch day 0) was a Thursday. */
export function weekdayOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** Calendar year, month and day of an epoch day (Hinnant's civil-date algorithm, shared with the reports). */
export const yearMonthOf = civilFromDays;

export const lengthOfMonth = daysInMonth;

/** Epoch day of `day` in the given month, clamped to the month's length (31 = the last day). */
export function dayInMonth(year: number, month: number, day: number): number {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return daysFromCivil(y, m, Math.min(day, lengthOfMonth(y, m)));
}

/** The `n`th (1-based) `weekday` of a month (month may overflow, as in dayInMonth); n = -1 is the last. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return nthWeekdayOf(y, m, weekday, n);
}

function nthWeekdayOf(year: number, month: number, weekday: number, n: number): number {
  if (n === -1) {
    const last = dayInMonth(year, month, 31);
    return last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  const first = dayInMonth(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
}

function holidaysOf(year: number): number[] {
  const fixed = [dayInMonth(year, 1, 1), dayInMonth(year, 7, 4), dayInMonth(year, 11, 11), dayInMonth(year, 12, 25)];
  if (year >= 2022) fixed.push(dayInMonth(year, 6, 19));
  return [
    ...fixed.map((d) => (weekdayOf(d) === 0 ? d + 1 : d)),
    nthWeekday(year, 1, 1, 3),
    nthWeekday(year, 2, 1, 3),
    nthWeekday(year, 5, 1, -1),
    nthWeekday(year, 9, 1, 1),
    nthWeekday(year, 10, 1, 2),
    nthWeekday(year, 11, 4, 4),
  ];
}

/** A lookup of business days, built once per computation for the years it needs. */
export interface BankCalendar {
  isBusinessDay(epochDay: number): boolean;
  /** The day itself when it is a business day, else the nearest business day before it. */
  onOrBefore(epochDay: number): number;
  /** The day itself when it is a business day, else the nearest business day after it. */
  onOrAfter(epochDay: number): number;
}

export function bankCalendar(): BankCalendar {
  const holidaysByYear = new Map<number, ReadonlySet<number>>();
  // Pay calendars ask about the same few hundred days over and over; remember the answers.
  const known = new Map<number, boolean>();
  const isBusinessDay = (epochDay: number): boolean => {
    const weekday = weekdayOf(epochDay);
    if (weekday === 0 || weekday === 6) return false;
    let business = known.get(epochDay);
    if (business === undefined) {
      const { year } = yearMonthOf(epochDay);
      let holidays = holidaysByYear.get(year);
      if (holidays === undefined) {
        holidays = new Set(holidaysOf(year));
        holidaysByYear.set(year, holidays);
      }
      business = !holidays.has(epochDay);
      known.set(epochDay, business);
    }
    return business;
  };
  return {
    isBusinessDay,
    onOrBefore(epochDay) {
      let d = epochDay;
      while (!isBusinessDay(d)) d--;
      return d;
    },
    onOrAfter(epochDay) {
      let d = epochDay;
      while (!isBusinessDay(d)) d++;
      return d;
    },
  };
}
