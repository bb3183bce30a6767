import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CREDIT_CATEGORY_BY_PFC, CREDIT_TAXONOMY, creditPrimaryOf } from '../../../src/domain/enrichment/credit-categories.js';
import { compileRules } from '../../../src/domain/enrichment/matcher.js';
import { merchant, movement } from '../../../src/domain/enrichment/rule.js';
import { ENRICHMENT_RULES } from '../../../src/domain/enrichment/rules/index.js';
import { PFC_DETAILED_CATEGORIES, PFC_TAXONOMY, isPfcDetailed, pfcPrimaryOf } from '../../../src/domain/enrichment/taxonomy.js';
import { loadLabelledDescriptions } from '../../../bench/enrichment.js';

describe('taxonomies', () => {
  it('prefixes every detailed PFC category with its primary', () => {
    for (const detailed of PFC_DETAILED_CATEGORIES) assert.ok(detailed.startsWith(`${pfcPrimaryOf(detailed)}_`), detailed);
  });

  it('prefixes every detailed credit category with its primary', () => {
    for (const [primary, detailed] of Object.entries(CREDIT_TAXONOMY)) {
      for (const d of detailed) assert.ok(d.startsWith(`${primary}_`), d);
    }
  });

  it('maps every PFC category to an existing credit category', () => {
    assert.deepEqual(Object.keys(CREDIT_CATEGORY_BY_PFC).sort(), [...PFC_DETAILED_CATEGORIES].sort());
    for (const credit of Object.values(CREDIT_CATEGORY_BY_PFC)) assert.doesNotThrow(() => creditPrimaryOf(credit));
  });

  it('has the primaries the report builders rely on', () => {
    for (const primary of ['INCOME', 'TRANSFER_IN', 'TRANSFER_OUT', 'LOAN_PAYMENTS', 'BANK_FEES']) assert.ok(primary in PFC_TAXONOMY, 'primary in PFC_TAXONOMY');
  });
});

describe('rule table', () => {
  it('compiles: unique ids, normalised phrases, known categories', () => {
    assert.doesNotThrow(() => compileRules(ENRICHMENT_RULES));
  });

  it('uses only credit-category overrides that exist', () => {
    for (const rule of ENRICHMENT_RULES) {
      if (rule.creditCategory !== undefined) assert.doesNotThrow(() => creditPrimaryOf(rule.creditCategory!), rule.id);
    }
  });

  it('rejects a phrase that is not normalised', () => {
    assert.throws(() => compileRules([merchant('bad', ['Starbucks'], 'Starbucks', 'FOOD_AND_DRINK_COFFEE')]), /not normalised/);
  });

  it('rejects duplicate ids', () => {
    const rule = movement('dup', ['X Y'], 'TRANSFER_OUT_WITHDRAWAL');
    assert.throws(() => compileRules([rule, rule]), /duplicate rule id/);
  });

  it('rejects stateful regular expressions, which would make matching depend on history', () => {
    assert.throws(() => compileRules([movement('g', [], 'TRANSFER_OUT_WITHDRAWAL', { pattern: /ATM/g })]), /stateful/);
  });
});

describe('labelled descriptions', () => {
  it('label only categories that exist in the taxonomy, with a consistent primary', async () => {
    for (const entry of await loadLabelledDescriptions()) {
      assert.ok(isPfcDetailed(entry.expected_detailed), entry.expected_detailed);
      assert.equal(pfcPrimaryOf(entry.expected_detailed), entry.expected_primary, entry.description);
    }
  });
});
