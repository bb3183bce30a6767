// Every insight product, for every sandbox fixture and persona, is either a `report` valid
// against the contract's schema or one of the documented product failures.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { componentValidator } from '../../../src/api/schemas/contract.js';
import { analyseReport } from '../../../src/domain/insights/analysis.js';
import { computeCashflowInsights } from '../../../src/domain/insights/cashflow/cashflow-insights.js';
import { computeIncomeInsights } from '../../../src/domain/insights/income/income-insights.js';
import { computeNetworkInsights } from '../../../src/domain/insights/network/network-insights.js';
import { computePartnerInsights, localPartnerProvider } from '../../../src/domain/insights/partner/partner-insights.js';
import { parseFicoRequest, resolvePrismVersions } from '../../../src/domain/insights/partner/partner-requests.js';
import type { ProductResult } from '../../../src/domain/insights/product-result.js';
import { computeLendScore } from '../../../src/domain/insights/scoring/lend-score.js';
import { reportData, sandboxItem } from './report-builder.js';

const AT = '2026-08-23T12:00:00.000Z';
const FIXTURES = new URL('../../fixtures/sandbox-users/', import.meta.url);
const logins: [string, string, string][] = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f): [string, string, string] => [f, 'user_custom', readFileSync(new URL(f, FIXTURES), 'utf8')]),
  ...['user_credit_profile_excellent', 'user_credit_profile_good', 'user_credit_profile_poor', 'user_credit_bonus', 'user_credit_joint_account', 'user_bank_income'].map(
    (u): [string, string, string] => [u, u, 'any'],
  ),
  ['user_good', 'user_good', 'pass_good'],
  ['ground-truth-streams.json', 'user_custom', readFileSync(new URL('../../fixtures/income/ground-truth-streams.json', import.meta.url), 'utf8')],
];

const versions = resolvePrismVersions({ cashscore: '4.1', detect: 4, extend: '4', insights: 4.1 }, 'prism_versions');
const fico = parseFicoRequest(
  {
    fico_lender_id: 'lender_01',
    lender_application_id: 'app-1',
    ultrafico_score_requests: [
      { ultrafico_score_version: '1.0', request_correlation_id: 'eq', base_fico_score: { bureau: 'EQUIFAX', score: 688, base_fico_score_version: '8', reason_codes: ['01', '14'] } },
      { ultrafico_score_version: '1.0', base_fico_score: { bureau: 'TRANSUNION', score: 701, base_fico_score_version: '10T' } },
    ],
  },
  'fico',
);

function check(name: string, result: ProductResult<Record<string, unknown>>, schema: string): void {
  if (!result.ok) {
    assert.ok(['NO_ACCOUNTS', 'INSUFFICIENT_TRANSACTION_DATA'].includes(result.code), `${name}: ${result.code}`);
    return;
  }
  const validate = componentValidator(schema);
  assert.ok(validate(result.report), `${name} ${schema}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

describe('insight products against the contract, every fixture and persona', () => {
  for (const [name, username, password] of logins) {
    test(name, async () => {
      const item = sandboxItem(username, password, `item-${name}`, '2026-08-23T10:00:00Z');
      for (const days of [180, 365, 731]) {
        const data = reportData([item], AT, days, `report-${name}-${days}`);
        const analysis = analyseReport(data);
        check(name, computeIncomeInsights({ data, generatedTime: AT, filter: { includedCategories: ['*'] } }), 'CraIncomeInsights');
        check(name, computeCashflowInsights({ analysis, generatedTime: AT, attributesVersion: 'v2.0', checkScoreVersion: 'v1.0' }), 'CraCashflowInsightsReport');
        check(name, computeLendScore({ analysis, generatedTime: AT, version: 'LS1' }), 'CraLendScoreReport');
        const connections = [{ itemId: item.item.itemId, institutionId: 'ins_109508', institutionName: 'First Platypus Bank', createdAt: item.item.createdAt }];
        check(name, { ok: true, report: computeNetworkInsights({ data, flows: analysis.flows, generatedTime: AT, connections }) }, 'CraNetworkInsightsReport');
        assert.ok(versions.ok && fico.ok, 'versions.ok && fico.ok');
        check(name, await computePartnerInsights({ analysis, generatedTime: AT, versions: versions.value.versions, fico: fico.value, provider: localPartnerProvider }), 'CraPartnerInsights');
      }
    });
  }

  test('accounts without depository data fail as the brief says', async () => {
    const only = (file: string) => {
      const item = sandboxItem('user_custom', readFileSync(new URL(file, FIXTURES), 'utf8'), `item-${file}`, '2026-08-23T10:00:00Z');
      return reportData([item], AT, 365);
    };
    const card = only('credit_card_custom_user.json');
    assert.deepEqual(pick(computeIncomeInsights({ data: card, generatedTime: AT, filter: null })), 'NO_ACCOUNTS');
    assert.deepEqual(pick(computeLendScore({ analysis: analyseReport(card), generatedTime: AT, version: null })), 'NO_ACCOUNTS');
    const empty = only('joint_owner_identity_custom_user.json');
    assert.deepEqual(pick(computeIncomeInsights({ data: empty, generatedTime: AT, filter: null })), 'INSUFFICIENT_TRANSACTION_DATA');
    assert.deepEqual(pick(computeCashflowInsights({ analysis: analyseReport(empty), generatedTime: AT, attributesVersion: null, checkScoreVersion: null })), 'INSUFFICIENT_TRANSACTION_DATA');
    const lend = computeLendScore({ analysis: analyseReport(empty), generatedTime: AT, version: null });
    assert.ok(lend.ok && (lend.report as any).lend_score.score === null && /INSUFFICIENT/.test((lend.report as any).lend_score.error_reason), 'lend.ok && (lend.report as any).lend_score.score === null && /INSUFFICIENT/.test((lend.report as ...');
  });
});

function pick(result: ProductResult<unknown>): string {
  return result.ok ? 'ok' : result.code;
}
