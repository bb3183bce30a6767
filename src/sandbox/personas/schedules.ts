// When money moves. Payroll follows real pay calendars (weekly, biweekly,
// semi-monthly, monthly) and lands on the previous business day when the
// nominal day is a weekend or a Federal Reserve holiday, as employers fund
// payroll early. Debits scheduled for a non-business day post on the next one.

import type { IsoDate } from '../../domain/model.js';
import {
  addDays,
  dayNumber,
  dayOfWeek,
  eachDay,
  makeDate,
  monthOf,
  monthStart,
  nthWeekday,
  onOrAfterBusinessDay,
  onOrBeforeBusinessDay,
  yearOf,
} from '../calendar.js';

export type PaySchedule =
  | { kind: 'weekly'; weekday: number }
  /** Every 14 days counted from `anchor`, any one nominal pay date. */
  | { kind: 'biweekly'; anchor: IsoDate }
  /** The 15th and the last day of the month. */
  | { kind: 'semi-monthly' }
  | { kind: 'monthly'; day: number | 'last' };

function uniqueSorted(dates: IsoDate[], from: IsoDate, to: IsoDate): IsoDate[] {
  return [...new Set(dates)].filter((d) => d >= from && d <= to).sort();
}

/** Nominal dates of each month from `from`'s month to `to`'s month (with a month of slack for adjustments). */
function monthlyNominal(day: number | 'last', from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let m = monthStart(from, -1); m <= monthStart(to, 1); m = monthStart(m, 1)) {
    out.push(makeDate(yearOf(m), monthOf(m), day === 'last' ? 31 : day));
  }
  return out;
}

/** Pay dates in [from, to], moved back to a business day. */
export function payDates(schedule: PaySchedule, from: IsoDate, to: IsoDate): IsoDate[] {
  const nominal: IsoDate[] = [];
  switch (schedule.kind) {
    case 'weekly':
      for (const d of eachDay(addDays(from, -7), addDays(to, 7))) {
        if (dayOfWeek(d) === schedule.weekday) nominal.push(d);
      }
      break;
    case 'biweekly': {
      const offset = (((dayNumber(from) - dayNumber(schedule.anchor)) % 14) + 14) % 14;
      for (let d = addDays(from, -offset); d <= addDays(to, 14); d = addDays(d, 14)) nominal.push(d);
      break;
    }
    case 'semi-monthly':
      nominal.push(...monthlyNominal(15, from, to), ...monthlyNominal('last', from, to));
      break;
    case 'monthly':
      nominal.push(...monthlyNominal(schedule.day, from, to));
      break;
  }
  return uniqueSorted(nominal.map(onOrBeforeBusinessDay), from, to);
}

/** Monthly debits (rent, utilities, loan autopays) on `day`, posting on the next business day when it is not one. */
export function monthlyDebitDates(day: number | 'last', from: IsoDate, to: IsoDate): IsoDate[] {
  return uniqueSorted(monthlyNominal(day, from, to).map(onOrAfterBusinessDay), from, to);
}

/** Calendar days (any weekday) once a month, for card charges such as subscriptions. */
export function monthlyCalendarDates(day: number | 'last', from: IsoDate, to: IsoDate): IsoDate[] {
  return uniqueSorted(monthlyNominal(day, from, to), from, to);
}

/**
 * Social Security pays on the 2nd, 3rd or 4th Wednesday of the month by the
 * beneficiary's birth day (1–10, 11–20, 21–31), earlier when that is a holiday.
 */
export function socialSecurityDates(birthDay: number, from: IsoDate, to: IsoDate): IsoDate[] {
  const nth = birthDay <= 10 ? 2 : birthDay <= 20 ? 3 : 4;
  const out: IsoDate[] = [];
  for (let m = monthStart(from); m <= to; m = monthStart(m, 1)) {
    out.push(onOrBeforeBusinessDay(nthWeekday(yearOf(m), monthOf(m), 3, nth)));
  }
  return uniqueSorted(out, from, to);
}
