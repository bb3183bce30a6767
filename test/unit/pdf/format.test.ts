import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { balanceScale, niceStep } from '../../../src/pdf/balance-chart.js';
import { accountLabel, axisMoneyText, decimalText, instantText, moneyText, printable } from '../../../src/pdf/format.js';

describe('PDF value formatting', () => {
  it('writes money with thousands separators, two places and the sign in front', () => {
    assert.equal(decimalText(123456789), '1,234,567.89');
    assert.equal(decimalText(-5), '-0.05');
    assert.equal(moneyText(-1077.93), '-$1,077.93');
    assert.equal(moneyText(0.1 + 0.2), '$0.30');
    assert.equal(moneyText(1500, 'CAD'), '1,500.00 CAD');
    assert.equal(moneyText(null), 'n/a');
    assert.equal(axisMoneyText(12_345), '$12.3k');
    assert.equal(axisMoneyText(-2_500_000), '-$2.5M');
    assert.equal(axisMoneyText(950), '$950');
  });

  it('keeps what the standard fonts can print and replaces the rest', () => {
    assert.equal(printable('Café – “ok” €5'), 'Café – “ok” €5');
    assert.equal(printable('line\nbreak\ttab'), 'line break tab');
    assert.equal(printable('家 ≥ 3'), '? ? 3');
    assert.equal(printable(null), '');
    assert.equal(accountLabel('Checking', '0000'), 'Checking (...0000)');
    assert.equal(instantText('2026-08-23T12:00:00.000Z'), '2026-08-23 12:00 UTC');
  });
});

describe('balance chart scale', () => {
  it('steps are 1, 2, 2.5 or 5 times a power of ten, about a quarter of the span', () => {
    assert.equal(niceStep(4000), 1000);
    assert.equal(niceStep(7000), 2000);
    assert.equal(niceStep(9000), 2500);
    assert.equal(niceStep(18_000), 5000);
    assert.equal(niceStep(0.8), 0.2);
  });

  it('covers the values with round ticks, and pads a flat series', () => {
    assert.deepEqual(balanceScale([1200, 4800]), { low: 1000, high: 5000, ticks: [1000, 2000, 3000, 4000, 5000] });
    const flat = balanceScale([500, 500]);
    assert.ok(flat.low < 500 && flat.high > 500, JSON.stringify(flat));
    const negative = balanceScale([-300, 700]);
    assert.ok(negative.ticks.includes(0), 'negative.ticks.includes(0)');
  });
});
