import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyseReport } from '../../../src/domain/insights/analysis.js';
import { computeCashflowInsights } from '../../../src/domain/insights/cashflow/cashflow-insights.js';
import { computeLendScore, lendScoreObject } from '../../../src/domain/insights/scoring/lend-score.js';
import { FACTORS, grade, scoreAttributes, WEIGHTS } from '../../../src/domain/insights/scoring/scorecard.js';
import { enrichTransaction } from '../../../src/domain/enrichment/index.js';
import type { LinkedItem } from '../../../src/domain/model.js';
import { reportData, sandboxItem } from './report-builder.js';

const AT = '2026-08-23T12:00:00Z';
const persona = (username: string) => sandboxItem(username, username === 'user_good' ? 'pass_good' : 'any', `item-${username}`, '2026-08-23T10:00:00Z');
const analysisOf = (items: LinkedItem[]) => analyseReport(reportData(items, AT, 365));

describe('LendScore scorecard', () => {
  test('each version’s weights add up to 98, so scores run from 1 to 99', () => {
    for (const weights of Object.values(WEIGHTS)) assert.equal(Object.values(weights).reduce((a, b) => a + b, 0), 98);
    for (const factor of FACTORS) {
      const xs = factor.points.map(([x]) => x);
      assert.deepEqual(xs, [...xs].sort((a, b) => a - b), `${factor.code} points ascending`);
      assert.match(factor.code, /^PCS\d{4}$/);
    }
  });

  test('grades interpolate between points and stay flat beyond them', () => {
    const points = [[0, 1], [10, 0]] as const;
    assert.equal(grade(points, -5), 1);
    assert.equal(grade(points, 5), 0.5);
    assert.equal(grade(points, 50), 0);
  });

  test('more NSF or overdraft fees never raise the score (any other attributes)', () => {
    const attributes = fc.record({
      cashflow_outflow_to_inflow_ratio_val_90d: fc.option(fc.double({ min: 0, max: 3, noNaN: true })),
      balance_depository_amt_mean_90d: fc.option(fc.double({ min: -2_000, max: 50_000, noNaN: true })),
      bank_penalty_nsf_cnt_sum_180d: fc.integer({ min: 0, max: 20 }),
      bank_penalty_overdraft_cnt_sum_180d: fc.integer({ min: 0, max: 20 }),
      balance_depository_negative_days_sum_90d: fc.option(fc.integer({ min: 0, max: 90 })),
      income_projected_amt_val_latest: fc.double({ min: 0, max: 20_000, noNaN: true }),
      income_regular_pct_val_180d: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
      lending_ewa_disbursement_cnt_sum_180d: fc.integer({ min: 0, max: 20 }),
      lending_payment_to_income_ratio_val_90d: fc.option(fc.double({ min: 0, max: 2, noNaN: true })),
      account_history_days_val_latest: fc.integer({ min: 0, max: 731 }),
      balance_depository_low_days_sum_90d: fc.option(fc.integer({ min: 0, max: 90 })),
    });
    fc.assert(
      fc.property(attributes, fc.integer({ min: 1, max: 10 }), fc.constantFrom('v1' as const, 'v2' as const), (a, more, version) => {
        const worse = { ...a, bank_penalty_nsf_cnt_sum_180d: a.bank_penalty_nsf_cnt_sum_180d + more };
        const before = scoreAttributes(a, version);
        const after = scoreAttributes(worse, version);
        return after.score <= before.score && after.score >= 1 && before.score <= 99;
      }),
    );
  });

  test('an NSF fee added to the data (balance lowered from that day on) never raises the score', () => {
    const base = persona('user_credit_profile_good');
    const checking = base.accounts.find((a) => a.subtype === 'checking')!;
    let previous = lendScoreObject(analysisOf([base]), 'v1').score!;
    let item = base;
    for (const date of ['2026-08-01', '2026-07-10', '2026-06-02', '2026-05-15', '2026-08-20']) {
      const fee = { description: 'NSF FEE', amountCents: 34_00, accountType: 'depository' as const, accountSubtype: 'checking' };
      item = {
        ...item,
        accounts: item.accounts.map((a) => (a.accountId === checking.accountId ? { ...a, currentCents: a.currentCents! - 34_00 } : a)),
        transactions: [
          ...item.transactions,
          {
            transactionId: `fee-${date}`, accountId: checking.accountId, amountCents: 34_00, currency: checking.currency, originalDescription: 'NSF FEE',
            datePosted: date, dateTransacted: date, pending: false, enrichment: enrichTransaction({ ...fee }),
          },
        ],
      };
      const score = lendScoreObject(analysisOf([item]), 'v1').score!;
      assert.ok(score <= previous, `score rose from ${previous} to ${score} after a fee on ${date}`);
      previous = score;
    }
  });

  test('reason codes: at most five, PCSdddd, largest loss first', () => {
    const card = scoreAttributes({}, 'v1');
    assert.ok(card.reasonCodes.length <= 5, 'card.reasonCodes.length <= 5');
    for (const code of card.reasonCodes) assert.match(code, /^PCS\d{4}$/);
    const lost = card.reasonCodes.map((c) => card.breakdown.find((b) => b.code === c)!.lostPoints);
    assert.deepEqual(lost, [...lost].sort((a, b) => b - a));
  });

  test('personas rank excellent > good > poor for LendScore (LS1, v2.0) and the Check Score (v1.0, v2.0)', () => {
    const scores = ['user_credit_profile_excellent', 'user_credit_profile_good', 'user_credit_profile_poor'].map((name) => {
      const analysis = analysisOf([persona(name)]);
      const lend = (version: string) => (computeLendScore({ analysis, generatedTime: AT, version }) as any).report.lend_score.score as number;
      const check = (version: string) => (computeCashflowInsights({ analysis, generatedTime: AT, attributesVersion: 'CFI1', checkScoreVersion: version }) as any).report.plaid_check_score.score as number;
      return { ls1: lend('LS1'), ls2: lend('v2.0'), cs1: check('v1.0'), cs2: check('v2.0') };
    });
    for (const key of ['ls1', 'ls2', 'cs1', 'cs2'] as const) {
      assert.ok(scores[0][key] > scores[1][key] && scores[1][key] > scores[2][key], `${key}: ${scores.map((s) => s[key]).join(' > ')}`);
    }
    const poor = lendScoreObject(analysisOf([persona('user_credit_profile_poor')]), 'v1');
    assert.ok(poor.reason_codes.includes('PCS0103'), 'the poor persona’s NSF fees are a reason');
  });

  test('thin data gives error_reason instead of a score; no depository account fails with NO_ACCOUNTS', () => {
    const thin = sandboxItem('user_custom', JSON.stringify({ override_accounts: [{ type: 'depository', subtype: 'checking', transactions: [{ date_posted: '2026-08-20', date_transacted: '2026-08-20', amount: 12.5, description: 'COFFEE', currency: 'USD' }] }] }), 'item-thin', '2026-08-23T10:00:00Z');
    const result = computeLendScore({ analysis: analysisOf([thin]), generatedTime: AT, version: null });
    assert.ok(result.ok, 'result.ok');
    assert.deepEqual((result.report as any).lend_score, { score: null, reason_codes: [], error_reason: 'INSUFFICIENT_HISTORY: less than 60 days of depository transaction history' });
    const card = sandboxItem('user_custom', JSON.stringify({ override_accounts: [{ type: 'credit', subtype: 'credit card', transactions: [] }] }), 'item-card', '2026-08-23T10:00:00Z');
    const failed = computeLendScore({ analysis: analysisOf([card]), generatedTime: AT, version: null });
    assert.ok(!failed.ok && failed.code === 'NO_ACCOUNTS', '!failed.ok && failed.code === \'NO_ACCOUNTS\'');
  });
});
