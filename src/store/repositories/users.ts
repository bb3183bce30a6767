import type { Kysely, Selectable } from 'kysely';
import type { Database, UsersTable } from '../schema.js';
import { cachedRead, userKey, type StoreReadCaches } from '../read-cache.js';
import { translateDuplicate } from '../store-errors.js';

export interface UserRecord {
  userId: string;
  clientId: string;
  clientUserId: string;
  api: 'new' | 'legacy';
  userToken: string | null;
  endCustomer: string | null;
  identity: Record<string, unknown> | null;
  consumerReportUserIdentity: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
}

function toRecord(row: Selectable<UsersTable>): UserRecord {
  return {
    userId: row.user_id,
    clientId: row.client_id,
    clientUserId: row.client_user_id,
    api: row.api === 'legacy' ? 'legacy' : 'new',
    userToken: row.user_token,
    endCustomer: row.end_customer,
    identity: row.identity === null ? null : JSON.parse(row.identity),
    consumerReportUserIdentity: row.consumer_report_user_identity === null ? null : JSON.parse(row.consumer_report_user_identity),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const json = (value: Record<string, unknown> | null) => (value === null ? null : JSON.stringify(value));

/** Every query is scoped to one API client: no call can reach another client's users. */
export function usersRepository(db: Kysely<Database>, caches: StoreReadCaches | null) {
  /** A user's row changed or went: drop what is cached of it (a removed user's reports went with it). */
  const forget = (clientId: string, userId: string, reportsToo: boolean) => {
    const key = userKey(clientId, userId);
    caches?.users.invalidate(key);
    if (reportsToo) {
      caches?.latestReport.invalidate(key);
      caches?.latestReadyReport.invalidate(key);
    }
  };
  return {
    async insert(user: UserRecord): Promise<void> {
      forget(user.clientId, user.userId, false);
      await translateDuplicate(`user ${user.clientUserId}`, () =>
        db
          .insertInto('users')
          .values({
            user_id: user.userId,
            client_id: user.clientId,
            client_user_id: user.clientUserId,
            api: user.api,
            user_token: user.userToken,
            end_customer: user.endCustomer,
            identity: json(user.identity),
            consumer_report_user_identity: json(user.consumerReportUserIdentity),
            created_at: user.createdAt,
            updated_at: user.updatedAt,
          })
          .execute(),
      );
    },
    async findById(clientId: string, userId: string): Promise<UserRecord | null> {
      return cachedRead(caches?.users ?? null, db.isTransaction, userKey(clientId, userId), async () => {
        const row = await db.selectFrom('users').selectAll().where('client_id', '=', clientId).where('user_id', '=', userId).executeTakeFirst();
        return row ? toRecord(row) : null;
      });
    },
    async findByToken(clientId: string, userToken: string): Promise<UserRecord | null> {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('client_id', '=', clientId)
        .where('user_token', '=', userToken)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async findByClientUserId(clientId: string, clientUserId: string): Promise<UserRecord | null> {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('client_id', '=', clientId)
        .where('client_user_id', '=', clientUserId)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async updateIdentity(
      clientId: string,
      userId: string,
      change: { identity?: Record<string, unknown> | null; consumerReportUserIdentity?: Record<string, unknown> | null; updatedAt: string },
    ): Promise<void> {
      forget(clientId, userId, false);
      await db
        .updateTable('users')
        .set({
          ...(change.identity !== undefined ? { identity: json(change.identity) } : {}),
          ...(change.consumerReportUserIdentity !== undefined
            ? { consumer_report_user_identity: json(change.consumerReportUserIdentity) }
            : {}),
          updated_at: change.updatedAt,
        })
        .where('client_id', '=', clientId)
        .where('user_id', '=', userId)
        .execute();
    },
    async remove(clientId: string, userId: string): Promise<boolean> {
      forget(clientId, userId, true);
      const result = await db.deleteFrom('users').where('client_id', '=', clientId).where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
export type UsersRepository = ReturnType<typeof usersRepository>;
