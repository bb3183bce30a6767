import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { dayOfWeek, isBankHoliday, isBusinessDay, makeDate, onOrBeforeBusinessDay } from '../../../src/sandbox/calendar.js';
import { payDates, socialSecurityDates } from '../../../src/sandbox/personas/schedules.js';

describe('calendar', () => {
  it('knows weekdays and clamps month ends', () => {
    assert.equal(dayOfWeek('2026-08-23'), 0);
    assert.equal(dayOfWeek('1970-01-01'), 4);
    assert.equal(makeDate(2026, 2, 31), '2026-02-28');
    assert.equal(makeDate(2028, 2, 31), '2028-02-29');
  });

  it('follows the Federal Reserve holiday calendar', () => {
    for (const d of ['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25']) {
      assert.equal(isBankHoliday(d), d !== '2026-07-03', d);
    }
    // July 4th 2026 is a Saturday: the Fed stays open on Friday the 3rd.
    assert.equal(isBusinessDay('2026-07-03'), true);
    // Christmas 2022 fell on a Sunday: observed Monday the 26th.
    assert.equal(isBankHoliday('2022-12-26'), true);
  });

  it('moves a pay day on a weekend or holiday back to the previous business day', () => {
    assert.equal(onOrBeforeBusinessDay('2026-08-01'), '2026-07-31');
    assert.equal(onOrBeforeBusinessDay('2026-09-07'), '2026-09-04');
    assert.equal(onOrBeforeBusinessDay('2026-08-03'), '2026-08-03');
  });

  it('builds payroll calendars', () => {
    assert.deepEqual(payDates({ kind: 'semi-monthly' }, '2026-05-01', '2026-06-30'), ['2026-05-15', '2026-05-29', '2026-06-15', '2026-06-30']);
    assert.deepEqual(payDates({ kind: 'biweekly', anchor: '2026-01-02' }, '2026-08-01', '2026-08-31'), ['2026-08-14', '2026-08-28']);
    assert.deepEqual(payDates({ kind: 'weekly', weekday: 1 }, '2026-08-31', '2026-09-14'), ['2026-08-31', '2026-09-04', '2026-09-14']);
    assert.deepEqual(payDates({ kind: 'monthly', day: 'last' }, '2026-01-01', '2026-03-31'), ['2026-01-30', '2026-02-27', '2026-03-31']);
  });

  it('pays Social Security on the 2nd, 3rd or 4th Wednesday by birth day', () => {
    assert.deepEqual(socialSecurityDates(5, '2026-08-01', '2026-08-31'), ['2026-08-12']);
    assert.deepEqual(socialSecurityDates(14, '2026-08-01', '2026-08-31'), ['2026-08-19']);
    assert.deepEqual(socialSecurityDates(28, '2026-08-01', '2026-08-31'), ['2026-08-26']);
  });
});
