// Income detection against a fixture whose streams are known: test/fixtures/income/
// ground-truth-streams.json (a custom Sandbox user, data up to 2026-08-22, report on 2026-08-23).
//   A. ACME ROBOTICS: biweekly Friday salary of $2,000, Juneteenth (Fri 2026-06-19) paid on
//      Thursday 06-18, plus a separate $5,000 bonus on Tue 2026-03-10.
//   B. JORDAN BAKER: $1,450 rent by Zelle on the 1st, moved to the next business day.
//   C. DOORDASH: weekly Monday payouts of varying amounts from 2026-03-02 to 08-10, three weeks
//      skipped, Memorial Day's payout on Tuesday 05-26.
//   D. BRIGHTSIDE CAFE: semi-monthly ($812.50 on the 15th and the last day) until February 2026.
//   Not income: transfers from the user's savings (both legs) and from an outside savings
//   account, Amazon refunds, Earnin advances.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { componentValidator } from '../../../src/api/schemas/contract.js';
import { computeIncomeInsights } from '../../../src/domain/insights/income/income-insights.js';
import { reportData, sandboxItem } from './report-builder.js';

const config = JSON.stringify(JSON.parse(readFileSync(new URL('../../fixtures/income/ground-truth-streams.json', import.meta.url), 'utf8')));
const data = reportData([sandboxItem('user_custom', config, 'item-gt', '2026-08-23T10:00:00Z')], '2026-08-23T12:00:00Z', 365);

function insights(filter: { includedCategories: string[]; excludedCategories?: string[] } | null) {
  const result = computeIncomeInsights({ data, generatedTime: '2026-08-23T12:00:00.000Z', filter });
  assert.ok(result.ok, 'result.ok');
  assert.ok(componentValidator('CraIncomeInsights')(result.report), JSON.stringify(componentValidator('CraIncomeInsights').errors));
  return result.report as any;
}

const all = insights({ includedCategories: ['*'] });
const stream = (prefix: string) => {
  const found = all.income_streams.find((s: any) => s.description.startsWith(prefix));
  assert.ok(found, `no stream ${prefix}`);
  return found;
};

describe('income streams of the ground-truth fixture', () => {
  test('finds exactly the four streams; transfers, refunds and advances are not income', () => {
    assert.deepEqual(all.income_streams.map((s: any) => s.description.split(' ').slice(0, 2).join(' ')).sort(), ['ACME ROBOTICS', 'BRIGHTSIDE CAFE', 'DOORDASH INC', 'ZELLE PAYMENT']);
    const counted = new Set(all.income_streams.flatMap((s: any) => s.transactions.map((t: any) => t.original_description)));
    for (const description of counted) assert.doesNotMatch(String(description), /TRANSFER|REFUND|EARNIN/);
  });

  test('biweekly salary: the Juneteenth payday moved to Thursday stays on the calendar, the separate bonus is an outlier', () => {
    const s = stream('ACME ROBOTICS PAYROLL');
    assert.deepEqual(s.insights.income_category, { primary: 'EARNED_INCOME', secondary: 'SALARY' });
    assert.equal(s.insights.pay_frequency, 'BIWEEKLY');
    assert.equal(s.insights.status, 'ACTIVE');
    assert.deepEqual(s.insights.next_payment, { date: '2026-08-28' });
    assert.equal(s.transactions.length, 27);
    const juneteenth = s.transactions.find((t: any) => t.date === '2026-06-18');
    assert.equal(juneteenth.outlier.is_outlier, false);
    const outliers = s.transactions.filter((t: any) => t.outlier.is_outlier);
    assert.deepEqual(outliers.map((t: any) => [t.date, t.amount, t.outlier.amount]), [['2026-03-10', -5000, -3000]]);
    // $2,000 × 26 / 12, gross × 1.30; annual = 12 × monthly.
    assert.deepEqual(s.income_metrics.current, { monthly: { gross_income: 5633.33, net_income: 4333.33 }, annual: { gross_income: 67599.96, net_income: 51999.96 } });
    assert.deepEqual(s.income_metrics.projected, s.income_metrics.current);
    assert.equal(s.start_date, '2025-08-29');
    assert.equal(s.end_date, '2026-08-14');
  });

  test('monthly rent moved to the next business day; next payment on Tue 2026-09-01', () => {
    const s = stream('ZELLE PAYMENT FROM JORDAN BAKER');
    assert.deepEqual(s.insights.income_category, { primary: 'PASSIVE_INCOME', secondary: 'RENTAL' });
    assert.equal(s.insights.pay_frequency, 'MONTHLY');
    assert.equal(s.insights.status, 'ACTIVE');
    assert.deepEqual(s.insights.next_payment, { date: '2026-09-01' });
    assert.ok(s.transactions.some((t: any) => t.date === '2026-01-02'), 'New Year’s Day rent arrives on Friday 01-02');
    assert.deepEqual(s.income_metrics.current.monthly, { gross_income: 1450, net_income: 1450 });
    assert.deepEqual(s.income_metrics.projected.monthly, { gross_income: 1450, net_income: 1450 });
  });

  test('weekly gig payouts of varying amounts, with skipped weeks and a holiday: current and projected to the cent', () => {
    const s = stream('DOORDASH');
    assert.deepEqual(s.insights.income_category, { primary: 'EARNED_INCOME', secondary: 'GIG_ECONOMY' });
    assert.equal(s.insights.pay_frequency, 'WEEKLY');
    assert.equal(s.insights.status, 'ACTIVE');
    assert.deepEqual(s.insights.next_payment, { date: '2026-08-24' });
    assert.equal(s.transactions.filter((t: any) => t.outlier.is_outlier).length, 0);
    // Mean of the 11 payouts from 05-26 to 08-10 ($2,302.30 / 11) × 52 / 12 = 906.966…
    assert.equal(s.income_metrics.current.monthly.net_income, 906.97);
    // Mean of the last three ($612.70 / 3) × 52 / 12 = 885.011…
    assert.equal(s.income_metrics.projected.monthly.net_income, 885.01);
    assert.equal(s.income_metrics.projected.annual.net_income, 10620.12);
  });

  test('the job that stopped in February is INACTIVE, with no next payment and no current income', () => {
    const s = stream('BRIGHTSIDE CAFE');
    assert.equal(s.insights.pay_frequency, 'SEMI_MONTHLY');
    assert.equal(s.insights.status, 'INACTIVE');
    assert.equal(s.insights.next_payment, null);
    assert.equal(s.income_metrics.current.monthly.net_income, 0);
    assert.equal(s.income_metrics.projected.monthly.net_income, 0);
    assert.equal(s.end_date, '2026-02-27');
  });

  test('the default filter keeps earned income only; the user summary adds up what it keeps', () => {
    const defaults = insights(null);
    assert.deepEqual(defaults.income_streams.map((s: any) => s.insights.income_category.secondary).sort(), ['GIG_ECONOMY', 'SALARY', 'SALARY']);
    assert.deepEqual(defaults.user_summary.income_metrics, [
      {
        current: { monthly: { gross_income: 6540.3, net_income: 5240.3 }, annual: { gross_income: 78483.6, net_income: 62883.6 } },
        projected: { monthly: { gross_income: 6518.34, net_income: 5218.34 }, annual: { gross_income: 78220.08, net_income: 62620.08 } },
        iso_currency_code: 'USD',
        unofficial_currency_code: null,
      },
    ]);
    const withRent = insights({ includedCategories: ['PASSIVE_INCOME.*'], excludedCategories: ['EARNED_INCOME.GIG_ECONOMY'] });
    assert.deepEqual(withRent.income_streams.map((s: any) => s.insights.income_category.secondary).sort(), ['RENTAL', 'SALARY', 'SALARY']);
    assert.equal(withRent.user_summary.income_metrics[0].current.monthly.net_income, 5783.33);
  });
});
