import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  calendarMonths,
  epochDayFromIsoDate,
  epochDayOfInstant,
  isoDateFromEpochDay,
  reportWindow,
  trailingRange,
} from '../../../src/domain/reports/windows.js';

const DAY_MS = 86_400_000;

describe('windows', () => {
  it('converts ISO dates to epoch days and back, agreeing with Date.UTC across leap years', () => {
    assert.equal(epochDayFromIsoDate('1970-01-01'), 0);
    // Every day from 2023-01-01 to 2029-01-01, checked against the platform's own calendar.
    for (let day = Date.UTC(2023, 0, 1) / DAY_MS; day <= Date.UTC(2029, 0, 1) / DAY_MS; day++) {
      const expected = new Date(day * DAY_MS).toISOString().slice(0, 10);
      assert.equal(isoDateFromEpochDay(day), expected);
      assert.equal(epochDayFromIsoDate(expected), day);
    }
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2026-8-22', '2026-02-29', '2026-13-01', '2026-04-31', 'not-a-date', '2026-08-22T00:00:00Z']) {
      assert.throws(() => epochDayFromIsoDate(bad), RangeError, bad);
    }
    assert.doesNotThrow(() => epochDayFromIsoDate('2028-02-29'));
  });

  it('takes the report date as the UTC calendar date of the instant', () => {
    assert.equal(isoDateFromEpochDay(epochDayOfInstant('2026-08-22T23:59:59.999Z')), '2026-08-22');
    // 01:00 at UTC+2 is still the previous UTC day.
    assert.equal(isoDateFromEpochDay(epochDayOfInstant('2026-08-22T01:00:00+02:00')), '2026-08-21');
  });

  it('spans days_requested days ending on the report date, both ends included', () => {
    const window = reportWindow('2026-08-22T10:00:00.000Z', 180);
    // 2026-08-22 is day 234 of the year; 234 − 179 = 55 → 24 February.
    assert.equal(isoDateFromEpochDay(window.firstDay), '2026-02-24');
    assert.equal(isoDateFromEpochDay(window.lastDay), '2026-08-22');
    assert.equal(window.lastDay - window.firstDay + 1, 180);
  });

  it('counts the 30/60/90-day windows back from the report date inclusive', () => {
    const window = reportWindow('2026-08-22T10:00:00.000Z', 180);
    const dates = (days: number) => {
      const range = trailingRange(window, days);
      return [isoDateFromEpochDay(range.firstDay), isoDateFromEpochDay(range.lastDay)];
    };
    assert.deepEqual(dates(30), ['2026-07-24', '2026-08-22']);
    assert.deepEqual(dates(60), ['2026-06-24', '2026-08-22']);
    assert.deepEqual(dates(90), ['2026-05-25', '2026-08-22']);
    // A trailing window longer than the report is clipped to it.
    assert.deepEqual(dates(400), ['2026-02-24', '2026-08-22']);
  });

  it('splits a range into calendar months, clipping the first and last', () => {
    const window = reportWindow('2026-08-22T10:00:00.000Z', 180);
    const months = calendarMonths(window).map((m) => [isoDateFromEpochDay(m.firstDay), isoDateFromEpochDay(m.lastDay)]);
    assert.deepEqual(months, [
      ['2026-02-24', '2026-02-28'],
      ['2026-03-01', '2026-03-31'],
      ['2026-04-01', '2026-04-30'],
      ['2026-05-01', '2026-05-31'],
      ['2026-06-01', '2026-06-30'],
      ['2026-07-01', '2026-07-31'],
      ['2026-08-01', '2026-08-22'],
    ]);
  });
});
