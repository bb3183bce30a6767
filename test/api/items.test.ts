// Linking Items in the Sandbox with the official client: public token create →
// exchange → item/accounts/user items, from every custom-user fixture and
// every persona.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Products } from 'plaid';
import { DIALECTS, plaidError, startTestServer, type TestServer } from '../support/test-server.js';
import { plaidStyleVerifier, startWebhookReceiver } from '../support/webhook-receiver.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/sandbox-users');
const fixtureFiles = readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && !f.startsWith('blank_template'));
const cents = (amount: number) => Math.round(amount * 100);

async function link(s: TestServer, userId: string, username: string, password: string) {
  const { data } = await s.plaid.sandboxPublicTokenCreate({
    institution_id: 'ins_109508',
    initial_products: [Products.CraBaseReport],
    user_id: userId,
    options: { override_username: username, override_password: password },
  } as any);
  const exchanged = await s.plaid.itemPublicTokenExchange({ public_token: data.public_token });
  return exchanged.data;
}

for (const dialect of DIALECTS) {
  describe(`Sandbox Items (${dialect})`, () => {
    test('every custom-user fixture links and stores exactly the accounts, transactions and balances it describes', async (t) => {
      // The fixtures end in 2026-08; look at them as of the day after.
      const s = await startTestServer(t, { dialect, startTime: '2026-08-23T12:00:00Z' });
      for (const file of fixtureFiles) {
        const config = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));
        const { data: user } = await s.plaid.userCreate({ client_user_id: `fixture-${file}` });
        const { access_token, item_id } = await link(s, user.user_id, 'user_custom', JSON.stringify(config));
        const { data } = await s.plaid.accountsGet({ access_token });
        assert.equal(data.item.item_id, item_id);
        assert.equal(data.item.institution_id, 'ins_109508');
        assert.equal(data.accounts.length, config.override_accounts.length, file);
        const stored = await s.opencheck.deps.repos.items.transactions(item_id);
        config.override_accounts.forEach((source: any, index: number) => {
          const account = data.accounts[index];
          assert.equal(account.type, source.type, `${file} account ${index} type`);
          assert.equal(account.subtype, source.subtype, `${file} account ${index} subtype`);
          if (source.meta?.name) assert.equal(account.name, source.meta.name);
          if (source.meta?.mask) assert.equal(account.mask, source.meta.mask);
          else if (source.numbers?.account) assert.equal(account.mask, source.numbers.account.slice(-4), 'mask defaults to the account number’s last four');
          // Every explicit transaction is stored exactly: amount, dates, description.
          const mine = stored.filter((tx) => tx.accountId === account.account_id);
          for (const row of source.transactions ?? []) {
            const match = mine.find((tx) => tx.originalDescription === row.description && tx.amountCents === cents(row.amount) && tx.dateTransacted === row.date_transacted);
            assert.ok(match, `${file}: ${row.description} ${row.amount} stored`);
            assert.equal(match!.datePosted ?? row.date_posted, row.date_posted);
          }
          // Balances reconcile with posted transactions (Plaid sign: positive = money out).
          if (source.starting_balance != null && account.type === 'depository') {
            const posted = mine.filter((tx) => !tx.pending).reduce((sum, tx) => sum + tx.amountCents, 0);
            assert.equal(cents(account.balances.current!), cents(source.starting_balance) - posted, `${file} current balance`);
          }
          if (source.starting_balance != null && (account.type === 'credit' || account.type === 'loan')) {
            const posted = mine.filter((tx) => !tx.pending).reduce((sum, tx) => sum + tx.amountCents, 0);
            assert.equal(cents(account.balances.current!), cents(source.starting_balance) + posted, `${file} amount owed`);
          }
          assert.ok(mine.every((tx) => tx.enrichment.personalFinanceCategory.primary.length > 0), 'every transaction is enriched');
        });
      }
    });

    test('every persona links, with deterministic data and persona character', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: '2026-06-15T12:00:00Z' });
      for (const persona of ['user_credit_profile_excellent', 'user_credit_profile_good', 'user_credit_profile_poor', 'user_credit_bonus', 'user_credit_joint_account', 'user_bank_income', 'user_good']) {
        const { data: user } = await s.plaid.userCreate({ client_user_id: `persona-${persona}` });
        const password = persona === 'user_good' ? 'pass_good' : 'anything';
        const first = await link(s, user.user_id, persona, password);
        const second = await link(s, user.user_id, persona, password);
        const a = await s.opencheck.deps.repos.items.transactions(first.item_id);
        const b = await s.opencheck.deps.repos.items.transactions(second.item_id);
        assert.ok(a.length > 0, `${persona} has transactions`);
        const shape = (txs: typeof a) => JSON.stringify(txs.map(({ transactionId: _t, accountId: _a, ...rest }) => rest));
        assert.equal(shape(a), shape(b), `${persona}: same seed ⇒ identical data`);
        const { data } = await s.plaid.accountsGet({ access_token: first.access_token });
        assert.ok(data.accounts.some((acc) => acc.type === 'depository'), `${persona} has a depository account`);
      }
      const items = await s.plaid.userItemsGet({ user_id: (await s.plaid.userCreate({ client_user_id: 'persona-user_good' })).data.user_id } as any);
      assert.equal(items.data.items.length, 2);
    });

    test('public tokens are single-use and expire after 30 minutes; tokens of other clients are unknown', async (t) => {
      const s = await startTestServer(t, { dialect });
      const { data: user } = await s.plaid.userCreate({ client_user_id: 'tokens' });
      const created = await s.plaid.sandboxPublicTokenCreate({ institution_id: 'ins_109508', initial_products: [Products.CraBaseReport], user_id: user.user_id } as any);
      assert.match(created.data.public_token, /^public-sandbox-[0-9a-f-]{36}$/);
      const exchanged = await s.plaid.itemPublicTokenExchange({ public_token: created.data.public_token });
      assert.match(exchanged.data.access_token, /^access-sandbox-[0-9a-f-]{36}$/);
      const reused = await plaidError(s.plaid.itemPublicTokenExchange({ public_token: created.data.public_token }));
      assert.equal(reused.data.error_code, 'INVALID_PUBLIC_TOKEN');

      const late = await s.plaid.sandboxPublicTokenCreate({ institution_id: 'ins_109508', initial_products: [Products.CraBaseReport], user_id: user.user_id } as any);
      s.opencheck.clock.advance(31 * 60 * 1000);
      const expired = await plaidError(s.plaid.itemPublicTokenExchange({ public_token: late.data.public_token }));
      assert.equal(expired.data.error_type, 'INVALID_INPUT');
      assert.equal(expired.data.error_code, 'INVALID_PUBLIC_TOKEN');

      const other = await (await import('../../src/operations/clients.js')).createClient({ clients: s.opencheck.deps.repos.clients, clock: s.opencheck.clock }, { name: 'other' });
      const foreign = await plaidError(s.plaidAs(other.clientId, other.secret).itemGet({ access_token: exchanged.data.access_token }));
      assert.equal(foreign.data.error_code, 'INVALID_ACCESS_TOKEN');
    });

    test('item/get, item/remove and user/items/get', async (t) => {
      const s = await startTestServer(t, { dialect });
      const { data: user } = await s.plaid.userCreate({ client_user_id: 'items' });
      const linked = await link(s, user.user_id, 'user_good', 'pass_good');
      const item = await s.plaid.itemGet({ access_token: linked.access_token });
      assert.equal(item.data.item.item_id, linked.item_id);
      assert.equal(item.data.item.institution_name, 'First Platypus Bank');
      assert.deepEqual(item.data.item.products, ['cra_base_report']);
      assert.equal((await s.plaid.userItemsGet({ user_id: user.user_id } as any)).data.items.length, 1);
      await s.plaid.itemRemove({ access_token: linked.access_token });
      assert.equal((await plaidError(s.plaid.itemGet({ access_token: linked.access_token }))).data.error_code, 'INVALID_ACCESS_TOKEN');
      assert.equal((await s.plaid.userItemsGet({ user_id: user.user_id } as any)).data.items.length, 0);
      assert.equal((await s.opencheck.deps.repos.items.transactions(linked.item_id)).length, 0, 'the Item’s data is gone');
    });

    test('linking errors: unknown institution, bad credentials, malformed custom config, forced errors — nothing half-created', async (t) => {
      const s = await startTestServer(t, { dialect });
      const { data: user } = await s.plaid.userCreate({ client_user_id: 'errors' });
      const base = { initial_products: [Products.CraBaseReport], user_id: user.user_id };
      const noInstitution = await plaidError(s.plaid.sandboxPublicTokenCreate({ ...base, institution_id: 'ins_nope' } as any));
      assert.equal(noInstitution.data.error_code, 'INVALID_INSTITUTION');
      const badLogin = await plaidError(s.plaid.sandboxPublicTokenCreate({ ...base, institution_id: 'ins_109508', options: { override_username: 'user_good', override_password: 'wrong' } } as any));
      assert.equal(badLogin.data.error_code, 'INVALID_CREDENTIALS');
      assert.equal(badLogin.data.error_type, 'ITEM_ERROR');
      const badConfig = await plaidError(s.plaid.sandboxPublicTokenCreate({ ...base, institution_id: 'ins_109508', options: { override_username: 'user_custom', override_password: JSON.stringify({ override_accounts: [{ type: 'depository', subtype: 'checking', transactions: [{ date_transacted: '2026-01-01', date_posted: '2026-01-02', amount: 'ten', description: 'X' }] }] }) } } as any));
      assert.equal(badConfig.data.error_code, 'INVALID_FIELD');
      assert.match(badConfig.data.error_message, /override_accounts\[0\]\.transactions\[0\]\.amount/);
      const forced = await plaidError(s.plaid.sandboxPublicTokenCreate({ ...base, institution_id: 'ins_109508', options: { override_username: 'user_custom', override_password: JSON.stringify({ force_error: 'ITEM_LOCKED' }) } } as any));
      assert.equal(forced.data.error_code, 'ITEM_LOCKED');
      const noUser = await plaidError(s.plaid.sandboxPublicTokenCreate({ institution_id: 'ins_109508', initial_products: [Products.CraBaseReport] } as any));
      assert.equal(noUser.data.error_code, 'INVALID_FIELD');
      assert.equal((await s.plaid.userItemsGet({ user_id: user.user_id } as any)).data.items.length, 0);
    });

    test('/sandbox/item/fire_webhook sends a signed Item webhook to the Item’s webhook URL', async (t) => {
      const s = await startTestServer(t, { dialect });
      const receiver = await startWebhookReceiver(t);
      const { data: user } = await s.plaid.userCreate({ client_user_id: 'fire' });
      const created = await s.plaid.sandboxPublicTokenCreate({ institution_id: 'ins_109508', initial_products: [Products.CraBaseReport], user_id: user.user_id, options: { webhook: receiver.url } } as any);
      const { data: item } = await s.plaid.itemPublicTokenExchange({ public_token: created.data.public_token });
      const fired = await s.plaid.sandboxItemFireWebhook({ access_token: item.access_token, webhook_code: 'DEFAULT_UPDATE' } as any);
      assert.equal(fired.data.webhook_fired, true);
      const [webhook] = await receiver.waitFor(1, { timeoutMs: 10_000 });
      assert.deepEqual(JSON.parse(webhook.body), { webhook_type: 'TRANSACTIONS', webhook_code: 'DEFAULT_UPDATE', item_id: item.item_id, new_transactions: 0, error: null, environment: 'sandbox' });
      assert.deepEqual(await plaidStyleVerifier(s.plaid)(webhook.body, String(webhook.headers['plaid-verification']), Date.now()), { ok: true });
      await s.plaid.sandboxItemFireWebhook({ access_token: item.access_token, webhook_code: 'ERROR' } as any);
      const [, error] = await receiver.waitFor(2, { timeoutMs: 10_000 });
      assert.equal(JSON.parse(error.body).error.error_code, 'ITEM_LOGIN_REQUIRED');

      const silent = await s.plaid.sandboxPublicTokenCreate({ institution_id: 'ins_109508', initial_products: [Products.CraBaseReport], user_id: user.user_id } as any);
      const { data: quiet } = await s.plaid.itemPublicTokenExchange({ public_token: silent.data.public_token });
      const invalid = await plaidError(s.plaid.sandboxItemFireWebhook({ access_token: quiet.access_token, webhook_code: 'DEFAULT_UPDATE' } as any));
      assert.equal(invalid.data.error_type, 'SANDBOX_ERROR');
      assert.equal(invalid.data.error_code, 'SANDBOX_WEBHOOK_INVALID');
      const badCode = await plaidError(s.plaid.sandboxItemFireWebhook({ access_token: item.access_token, webhook_code: 'CHECK_REPORT_READY' } as any));
      assert.equal(badCode.data.error_code, 'INVALID_FIELD');
    });
  });
}
