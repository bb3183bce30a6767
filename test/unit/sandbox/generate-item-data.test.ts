import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { addDays } from '../../../src/sandbox/calendar.js';
import { findInstitution, generateItemData } from '../../../src/sandbox/index.js';
import type { ItemDataRequest } from '../../../src/sandbox/index.js';

const base: ItemDataRequest = {
  username: 'user_good',
  password: 'pass_good',
  institutionId: 'ins_109508',
  itemCreatedAt: '2026-08-23T15:00:00.000Z',
  fallbackSeed: 'client-1|ins_109508|user_custom',
};

function generate(overrides: Partial<ItemDataRequest>) {
  return generateItemData({ ...base, ...overrides });
}

function json(overrides: Partial<ItemDataRequest>): string {
  const result = generate(overrides);
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return JSON.stringify(result.data);
}

describe('generateItemData: logins', () => {
  it('accepts user_good only with pass_good', () => {
    assert.ok(generate({}).ok, 'generate({}).ok');
    assert.deepEqual(generate({ password: 'wrong' }), { ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'the provided credentials were not correct' } });
  });

  it('accepts any password for the canned credit personas', () => {
    assert.ok(generate({ username: 'user_credit_profile_poor', password: 'whatever' }).ok, 'generate({ username: \'user_credit_profile_poor\', password: \'whatever\' }).ok');
    assert.ok(generate({ username: 'user_bank_income', password: '{}' }).ok, 'generate({ username: \'user_bank_income\', password: \'{}\' }).ok');
  });

  it('rejects an unknown username with a plain password', () => {
    const result = generate({ username: 'someone', password: 'secret' });
    assert.equal(result.ok ? '' : result.error.code, 'INVALID_CREDENTIALS');
  });

  it('treats a JSON password as a custom user under user_custom or any other username', () => {
    const config = JSON.stringify({ override_accounts: [{ type: 'credit', starting_balance: 50 }] });
    for (const username of ['user_custom', 'tester_42']) {
      const result = generate({ username, password: config });
      assert.ok(result.ok, 'result.ok');
      assert.equal(result.data.accounts[0].currentCents, 5_000);
    }
  });

  it('reports a malformed config under user_custom as INVALID_FIELD', () => {
    const result = generate({ username: 'user_custom', password: 'pass_good' });
    assert.equal(result.ok ? '' : result.error.code, 'INVALID_FIELD');
  });

  it('rejects unknown institutions and the unhealthy ones', () => {
    assert.equal(generate({ institutionId: 'ins_999' }).ok ? '' : 'INVALID_INSTITUTION', 'INVALID_INSTITUTION');
    const down = generate({ institutionId: 'ins_132361' });
    assert.equal(down.ok ? '' : down.error.code, 'INSTITUTION_DOWN');
    const unsupported = generate({ institutionId: 'ins_133402' });
    assert.equal(unsupported.ok ? '' : unsupported.error.code, 'INSTITUTION_NO_LONGER_SUPPORTED');
    assert.ok(generate({ institutionId: 'ins_132363' }).ok, 'a degraded bank still links');
    assert.ok(generate({ institutionId: 'ins_127287' }).ok, 'generate({ institutionId: \'ins_127287\' }).ok');
  });

  it('knows the Sandbox institutions by id', () => {
    assert.equal(findInstitution('ins_109508')?.name, 'First Platypus Bank');
    assert.equal(findInstitution('ins_109512')?.name, 'Houndstooth Bank');
    assert.equal(findInstitution('ins_127287')?.oauth, true);
    assert.equal(findInstitution('ins_132363')?.health, 'degraded');
    assert.equal(findInstitution('nope'), null);
  });
});

describe('generateItemData: determinism', () => {
  it('gives byte-identical data for the same persona and creation time', () => {
    for (const username of ['user_credit_profile_excellent', 'user_credit_profile_poor', 'user_good']) {
      const password = username === 'user_good' ? 'pass_good' : 'x';
      assert.equal(json({ username, password }), json({ username, password }));
    }
  });

  it('reseeds a persona from a JSON password seed', () => {
    const a = json({ username: 'user_credit_profile_good', password: '{"seed":"alpha"}' });
    assert.equal(a, json({ username: 'user_credit_profile_good', password: '{"seed":"alpha"}' }));
    assert.notEqual(a, json({ username: 'user_credit_profile_good', password: '{"seed":"beta"}' }));
    assert.notEqual(a, json({ username: 'user_credit_profile_good', password: 'x' }));
  });

  it('derives {} data from the fallback seed, and a config seed overrides it', () => {
    const custom = { username: 'user_custom', password: '{}' };
    assert.equal(json(custom), json(custom));
    assert.notEqual(json(custom), json({ ...custom, fallbackSeed: 'another client' }));
    const seeded = { username: 'user_custom', password: '{"seed":"s1"}' };
    assert.equal(json(seeded), json({ ...seeded, fallbackSeed: 'another client' }));
    assert.notEqual(json(seeded), json({ username: 'user_custom', password: '{"seed":"s2"}' }));
  });

  it('generates rows for seeded accounts without transactions, and none without a seed', () => {
    const accounts = [{ type: 'depository', subtype: 'checking' }, { type: 'credit', subtype: 'credit card' }, { type: 'depository', subtype: 'savings', transactions: [] }];
    const seeded = generate({ username: 'user_custom', password: JSON.stringify({ seed: 'k', override_accounts: accounts }) });
    assert.ok(seeded.ok, 'seeded.ok');
    assert.ok(seeded.data.accounts.every((a) => a.transactions.length > 10), 'seeded.data.accounts.every((a) => a.transactions.length > 10)');
    const owed = seeded.data.accounts[1];
    assert.equal(owed.currentCents, owed.transactions.filter((t) => !t.pending).reduce((s, t) => s + t.amountCents, 0));
    const plain = generate({ username: 'user_custom', password: JSON.stringify({ override_accounts: accounts }) });
    assert.ok(plain.ok, 'plain.ok');
    assert.ok(plain.data.accounts.every((a) => a.transactions.length === 0), 'plain.data.accounts.every((a) => a.transactions.length === 0)');
  });

  it('anchors generated dates to the Item creation day', () => {
    for (const username of ['user_credit_bonus', 'user_custom']) {
      const password = username === 'user_custom' ? '{"seed":"shift"}' : 'x';
      const early = generate({ username, password, itemCreatedAt: '2026-03-10T08:00:00Z' });
      const late = generate({ username, password, itemCreatedAt: '2026-03-24T08:00:00Z' });
      assert.ok(early.ok && late.ok, 'early.ok && late.ok');
      const last = (r: typeof early) => (r.ok ? r.data.accounts.flatMap((a) => a.transactions.map((t) => t.dateTransacted)).sort().at(-1) : '');
      assert.equal(last(early), '2026-03-10');
      assert.equal(last(late), '2026-03-24');
      assert.notEqual(JSON.stringify(early), JSON.stringify(late));
      const first = (r: typeof early) => (r.ok ? r.data.accounts.flatMap((a) => a.transactions.map((t) => t.dateTransacted)).sort()[0] : '');
      assert.ok(first(late) > first(early), 'first(late) > first(early)');
      assert.ok(first(late) >= addDays('2026-03-24', -729), 'first(late) >= addDays(\'2026-03-24\', -729)');
    }
  });

  it('keeps explicit config dates absolute whatever the creation day', () => {
    const config = JSON.stringify({ override_accounts: [{ transactions: [{ date_posted: '2025-01-15', amount: 10, description: 'X' }] }] });
    for (const itemCreatedAt of ['2025-06-01T00:00:00Z', '2027-06-01T00:00:00Z']) {
      const result = generate({ username: 'user_custom', password: config, itemCreatedAt });
      assert.ok(result.ok, 'result.ok');
      assert.equal(result.data.accounts[0].transactions[0].datePosted, '2025-01-15');
      assert.equal(result.data.accounts[0].transactions[0].dateTransacted, '2025-01-15');
    }
  });
});
