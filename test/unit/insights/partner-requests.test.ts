import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFicoRequest, resolvePrismVersions } from '../../../src/domain/insights/partner/partner-requests.js';

const fico = (over: Record<string, unknown> = {}, score: Record<string, unknown> = {}) => ({
  fico_lender_id: 'lender_01',
  lender_application_id: 'app-42',
  ultrafico_score_requests: [{ ultrafico_score_version: '1.0', request_correlation_id: 'c-1', base_fico_score: { bureau: 'EQUIFAX', score: 702, base_fico_score_version: '9', reason_codes: ['01', '14'], ...score } }],
  ...over,
});

describe('Prism versions (brief §G.13, §G.16)', () => {
  test('absent: CashScore, FirstDetect and Insights at "3", Detect and Extend not run', () => {
    const r = resolvePrismVersions(undefined, 'prism_versions');
    assert.ok(r.ok, 'r.ok');
    assert.deepEqual(r.value.versions, { cashscore: '3', firstdetect: '3', insights: '3' });
    assert.deepEqual(r.value.defaulted, ['cashscore', 'firstdetect', 'insights']);
  });

  test('numbers are coerced to strings; strings are kept', () => {
    const r = resolvePrismVersions({ cashscore: 4.1, detect: 4, extend: '4.1', insights: '4', firstdetect: 3 }, 'prism_versions');
    assert.ok(r.ok, 'r.ok');
    assert.deepEqual(r.value.versions, { cashscore: '4.1', firstdetect: '3', detect: '4', extend: '4.1', insights: '4' });
    assert.deepEqual(r.value.defaulted, []);
  });

  test('a version a product does not have is INVALID_FIELD naming the field', () => {
    const r = resolvePrismVersions({ detect: '3' }, 'partner_insights.prism_versions');
    assert.ok(!r.ok, '!r.ok');
    assert.equal(r.field, 'partner_insights.prism_versions.detect');
    assert.ok(!resolvePrismVersions({ cashscore: 5 }, 'p').ok, '!resolvePrismVersions({ cashscore: 5 }, \'p\').ok');
    assert.ok(resolvePrismVersions({ cashscore: '3_lite' }, 'p').ok, 'resolvePrismVersions({ cashscore: \'3_lite\' }, \'p\').ok');
  });
});

describe('FICO UltraFICO request', () => {
  test('a well-formed request parses, reason codes from reason_codes or the deprecated fields', () => {
    const r = parseFicoRequest(fico(), 'fico');
    assert.ok(r.ok && r.value, 'r.ok && r.value');
    assert.deepEqual(r.value.requests[0].reasonCodes, ['01', '14']);
    const legacy = parseFicoRequest(fico({}, { reason_codes: undefined, reason_code_1: '05', reason_code_2: '12' }), 'fico');
    assert.ok(legacy.ok && legacy.value, 'legacy.ok && legacy.value');
    assert.deepEqual(legacy.value.requests[0].reasonCodes, ['05', '12']);
  });

  const invalid: [string, unknown, string][] = [
    ['lender id with spaces', fico({ fico_lender_id: 'my lender' }), 'fico.fico_lender_id'],
    ['blank application id', fico({ lender_application_id: '  ' }), 'fico.lender_application_id'],
    ['no requests', fico({ ultrafico_score_requests: [] }), 'fico.ultrafico_score_requests'],
    ['four requests', fico({ ultrafico_score_requests: Array(4).fill(fico().ultrafico_score_requests[0]) }), 'fico.ultrafico_score_requests'],
    ['score below 300', fico({}, { score: 250 }), 'fico.ultrafico_score_requests[0].base_fico_score.score'],
    ['score not an integer', fico({}, { score: 700.5 }), 'fico.ultrafico_score_requests[0].base_fico_score.score'],
    ['unknown bureau', fico({}, { bureau: 'INNOVIS' }), 'fico.ultrafico_score_requests[0].base_fico_score.bureau'],
    ['unknown FICO version', fico({}, { base_fico_score_version: '11' }), 'fico.ultrafico_score_requests[0].base_fico_score.base_fico_score_version'],
    ['five reason codes', fico({}, { reason_codes: ['01', '02', '03', '04', '05'] }), 'fico.ultrafico_score_requests[0].base_fico_score.reason_codes'],
    ['malformed reason code', fico({}, { reason_codes: ['1'] }), 'fico.ultrafico_score_requests[0].base_fico_score.reason_codes'],
    ['repeated reason code', fico({}, { reason_codes: ['01', '01'] }), 'fico.ultrafico_score_requests[0].base_fico_score.reason_codes'],
  ];
  for (const [name, value, field] of invalid) {
    test(`rejects ${name}`, () => {
      const r = parseFicoRequest(value, 'fico');
      assert.ok(!r.ok, '!r.ok');
      assert.equal(r.field, field);
    });
  }

  test('rejects two requests for the same bureau and repeated correlation ids', () => {
    const request = fico().ultrafico_score_requests[0];
    const sameBureau = parseFicoRequest(fico({ ultrafico_score_requests: [request, { ...request, request_correlation_id: 'c-2' }] }), 'fico');
    assert.ok(!sameBureau.ok && /bureau/.test(sameBureau.field), '!sameBureau.ok && /bureau/.test(sameBureau.field)');
    const other = { ...request, base_fico_score: { ...request.base_fico_score, bureau: 'EXPERIAN' } };
    const sameCorrelation = parseFicoRequest(fico({ ultrafico_score_requests: [request, other] }), 'fico');
    assert.ok(!sameCorrelation.ok && /request_correlation_id/.test(sameCorrelation.field), '!sameCorrelation.ok && /request_correlation_id/.test(sameCorrelation.field)');
  });
});
