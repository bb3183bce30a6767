import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bankCalendar } from '../../../src/domain/insights/bank-calendar.js';
import { detectSchedule } from '../../../src/domain/insights/income/schedule.js';
import { epochDayFromIsoDate, isoDateFromEpochDay } from '../../../src/domain/reports/windows.js';

const calendar = bankCalendar();
const days = (dates: string[]) => dates.map(epochDayFromIsoDate);
const every = (from: string, step: number, count: number) => Array.from({ length: count }, (_, i) => epochDayFromIsoDate(from) + i * step);
const next = (dates: number[], after: string) => {
  const fit = detectSchedule(dates, calendar);
  assert.ok(fit, 'fit');
  return isoDateFromEpochDay(fit.schedule.payDays(epochDayFromIsoDate(after) + 1, epochDayFromIsoDate(after) + 70)[0]);
};

describe('pay frequency detection', () => {
  test('weekly Fridays', () => {
    const fit = detectSchedule(every('2026-01-02', 7, 20), calendar);
    assert.equal(fit?.schedule.frequency, 'WEEKLY');
  });

  test('biweekly, with a holiday paid the business day before (Juneteenth 2026 is a Friday)', () => {
    const dates = every('2026-01-09', 14, 16).map((d) => (isoDateFromEpochDay(d) === '2026-06-19' ? d - 1 : d));
    const fit = detectSchedule(dates, calendar);
    assert.equal(fit?.schedule.frequency, 'BIWEEKLY');
    assert.equal(fit?.coverage, 1);
    assert.equal(fit?.regularity, 1);
    assert.equal(next(dates, '2026-08-07'), '2026-08-21');
  });

  test('semi-monthly on the 15th and the last day, weekends paid on Friday', () => {
    const dates = days(['2026-01-15', '2026-01-30', '2026-02-13', '2026-02-27', '2026-03-13', '2026-03-31', '2026-04-15', '2026-04-30', '2026-05-15', '2026-05-29', '2026-06-15', '2026-06-30']);
    assert.equal(detectSchedule(dates, calendar)?.schedule.frequency, 'SEMI_MONTHLY');
    assert.equal(next(dates, '2026-07-01'), '2026-07-15');
    assert.equal(next(dates, '2026-08-16'), '2026-08-31');
  });

  test('monthly on the 1st, moved to the next business day', () => {
    const dates = days(['2025-11-03', '2025-12-01', '2026-01-02', '2026-02-02', '2026-03-02', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-03']);
    assert.equal(detectSchedule(dates, calendar)?.schedule.frequency, 'MONTHLY');
    assert.equal(next(dates, '2026-08-23'), '2026-09-01');
  });

  test('monthly on the third Wednesday (Social Security)', () => {
    const dates = days(['2026-01-21', '2026-02-18', '2026-03-18', '2026-04-15', '2026-05-20', '2026-06-17', '2026-07-15', '2026-08-19']);
    assert.equal(detectSchedule(dates, calendar)?.schedule.frequency, 'MONTHLY');
    assert.equal(next(dates, '2026-08-23'), '2026-09-16');
  });

  test('daily on business days, with some days skipped', () => {
    const dates = every('2026-06-01', 1, 60).filter((d, i) => calendar.isBusinessDay(d) && i % 9 !== 4);
    assert.equal(detectSchedule(dates, calendar)?.schedule.frequency, 'DAILY');
  });

  test('tolerates missed payments and extra ones', () => {
    const biweekly = every('2026-01-09', 14, 16).filter((_, i) => i !== 5 && i !== 11);
    const withBonus = [...biweekly, epochDayFromIsoDate('2026-03-10')].sort((a, b) => a - b);
    assert.equal(detectSchedule(withBonus, calendar)?.schedule.frequency, 'BIWEEKLY');
  });

  test('a Friday payment posted on Monday is one business day late, not three', () => {
    const dates = every('2026-01-09', 14, 12).map((d, i) => (i === 6 ? d + 3 : d));
    const fit = detectSchedule(dates, calendar);
    assert.equal(fit?.schedule.frequency, 'BIWEEKLY');
    assert.equal(fit?.regularity, 1);
  });

  test('random days are UNKNOWN', () => {
    const dates = days(['2026-01-03', '2026-01-19', '2026-02-27', '2026-03-04', '2026-04-22', '2026-05-09', '2026-05-13', '2026-07-30']);
    assert.equal(detectSchedule(dates, calendar), null);
  });
});
