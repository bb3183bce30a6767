import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_INCOME_CATEGORIES, INCOME_TAXONOMY, selectedCategories, splitCategory } from '../../../src/domain/insights/income/categories.js';

const ALL = Object.entries(INCOME_TAXONOMY).flatMap(([primary, secondaries]) => secondaries.map((s) => `${primary}.${s}`));
const select = (filter: Parameters<typeof selectedCategories>[0]) => ALL.filter((key) => selectedCategories(filter)(splitCategory(key)));

describe('income category filter (brief §C.3)', () => {
  test('no filter: the default categories', () => {
    assert.deepEqual(select(null), [...DEFAULT_INCOME_CATEGORIES]);
  });

  test('included categories add to the defaults, by exact name or PRIMARY.*', () => {
    assert.deepEqual(new Set(select({ includedCategories: ['PASSIVE_INCOME.RENTAL'] })), new Set([...DEFAULT_INCOME_CATEGORIES, 'PASSIVE_INCOME.RENTAL']));
    assert.ok(select({ includedCategories: ['BENEFITS.*'] }).includes('BENEFITS.UNEMPLOYMENT'), 'select({ includedCategories: [\'BENEFITS.*\'] }).includes(\'BENEFITS.UNEMPLOYMENT\')');
    assert.deepEqual(select({ includedCategories: ['*'] }), ALL);
  });

  test('an exclusion always wins, even over an inclusion and over the defaults', () => {
    const selected = select({ includedCategories: ['*'], excludedCategories: ['EARNED_INCOME.*', 'OTHER.TAX_REFUND'] });
    assert.ok(!selected.some((k) => k.startsWith('EARNED_INCOME.')), '!selected.some((k) => k.startsWith(\'EARNED_INCOME.\'))');
    assert.ok(!selected.includes('OTHER.TAX_REFUND'), '!selected.includes(\'OTHER.TAX_REFUND\')');
    assert.ok(selected.includes('BENEFITS.CHILD_SUPPORT'), 'selected.includes(\'BENEFITS.CHILD_SUPPORT\')');
    assert.deepEqual(select({ includedCategories: ['PASSIVE_INCOME.RENTAL'], excludedCategories: ['PASSIVE_INCOME.RENTAL'] }), [...DEFAULT_INCOME_CATEGORIES]);
    assert.deepEqual(select({ includedCategories: [], excludedCategories: ['*'] }), []);
  });
});
