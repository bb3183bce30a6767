// Sandbox time travel: the installation's clock moves forward on request, so
// integrators can test report expiry and webhook retries without waiting.
// The total advance is stored, so it survives restarts.
import { isoNow, type OperationDeps } from './deps.js';
import { PlaidError } from './plaid-errors.js';

const ADVANCE_SETTING = 'clock_advanced_ms';

export async function storedClockAdvanceMs(deps: Pick<OperationDeps, 'store'>): Promise<number> {
  const row = await deps.store.db.selectFrom('settings').select('value').where('key', '=', ADVANCE_SETTING).executeTakeFirst();
  return row ? Number(row.value) : 0;
}

export async function advanceClock(deps: OperationDeps, seconds: number): Promise<string> {
  if (!Number.isInteger(seconds) || seconds < 0) throw new PlaidError('INVALID_FIELD', 'seconds must be a non-negative integer');
  const total = (await storedClockAdvanceMs(deps)) + seconds * 1000;
  await deps.store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('settings').where('key', '=', ADVANCE_SETTING).execute();
    await trx.insertInto('settings').values({ key: ADVANCE_SETTING, value: String(total) }).execute();
  });
  deps.clock.advance(seconds * 1000);
  // Jobs scheduled on the server clock (webhook retries) may now be due.
  deps.jobs.notify();
  return isoNow(deps.clock);
}
