import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyseReport, cashflowAttributes } from '../../../src/domain/insights/analysis.js';
import { CASHFLOW_CATALOGUE, coefficientOfVariation } from '../../../src/domain/insights/cashflow/catalogue.js';
import { computeCashflowInsights } from '../../../src/domain/insights/cashflow/cashflow-insights.js';
import { NETWORK_ATTRIBUTES } from '../../../src/domain/insights/network/network-insights.js';
import { FACTORS } from '../../../src/domain/insights/scoring/scorecard.js';
import { reportData, sandboxItem } from './report-builder.js';

const KEY = /^[a-z]+(_[a-z0-9]+)+_(sum|mean|mavg|min|cv|val|distinct)_(\d+d|latest)$/;
const docs = readFileSync(new URL('../../../docs/insights.md', import.meta.url), 'utf8');
const analysis = analyseReport(reportData([sandboxItem('user_credit_profile_poor', 'any', 'item-poor', '2026-08-23T10:00:00Z')], '2026-08-23T12:00:00Z', 180));

describe('cash-flow attribute catalogue', () => {
  test('keys follow <theme>_<subject>_<measure>_<stat>_<window>, are unique, and include Plaid’s public example', () => {
    const keys = CASHFLOW_CATALOGUE.map((d) => d.key);
    assert.equal(new Set(keys).size, keys.length);
    for (const key of keys) assert.match(key, KEY);
    assert.ok(keys.includes('cash_reliance_atm_withdrawal_amt_cv_90d'), 'keys.includes(\'cash_reliance_atm_withdrawal_amt_cv_90d\')');
  });

  test('every attribute, network attribute and scorecard factor is documented in docs/insights.md', () => {
    for (const { key } of [...CASHFLOW_CATALOGUE, ...NETWORK_ATTRIBUTES]) assert.ok(docs.includes(`\`${key}\``), `${key} is not documented`);
    for (const { code } of FACTORS) assert.ok(docs.includes(code), `${code} is not documented`);
  });

  test('v1 (CFI1, v1.0) is a subset of v2 (v2.0); CFI1 and v1.0 are the same set', () => {
    const v1 = cashflowAttributes(analysis, 'v1');
    const v2 = cashflowAttributes(analysis, 'v2');
    for (const key of Object.keys(v1)) assert.ok(key in v2, 'key in v2');
    assert.ok(Object.keys(v2).length > Object.keys(v1).length, 'Object.keys(v2).length > Object.keys(v1).length');
    const cfi1 = computeCashflowInsights({ analysis, generatedTime: 'x', attributesVersion: 'CFI1', checkScoreVersion: null });
    const v10 = computeCashflowInsights({ analysis, generatedTime: 'x', attributesVersion: 'v1.0', checkScoreVersion: null });
    assert.ok(cfi1.ok && v10.ok, 'cfi1.ok && v10.ok');
    assert.deepEqual(cfi1.report.attributes, v10.report.attributes);
    assert.equal('plaid_check_score' in cfi1.report, false);
  });

  test('values are numbers, booleans or null; windows longer than days_requested are null', () => {
    const v2 = cashflowAttributes(analysis, 'v2');
    for (const [key, value] of Object.entries(v2)) assert.ok(value === null || typeof value === 'number' || typeof value === 'boolean', key);
    assert.equal(v2.income_total_amt_sum_365d, null);
    assert.equal(typeof v2.income_total_amt_sum_180d, 'number');
    assert.ok((v2.bank_penalty_nsf_cnt_sum_180d as number) > 0, 'the poor persona bounces payments');
  });

  test('coefficient of variation is the population SD over the mean, in percent', () => {
    assert.equal(coefficientOfVariation([100]), null);
    assert.equal(coefficientOfVariation([100, 100]), 0);
    assert.equal(Math.round(coefficientOfVariation([20, 60, 100])! * 100) / 100, 54.43);
  });
});
