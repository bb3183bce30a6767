import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { translateDuplicate } from '../store-errors.js';

export interface ClientRecord {
  clientId: string;
  name: string;
  secretSalt: string;
  secretHash: string;
  createdAt: string;
}

export function clientsRepository(db: Kysely<Database>) {
  return {
    async insert(client: ClientRecord): Promise<void> {
      await translateDuplicate(`client ${client.clientId}`, () =>
        db
          .insertInto('clients')
          .values({
            client_id: client.clientId,
            name: client.name,
            secret_salt: client.secretSalt,
            secret_hash: client.secretHash,
            created_at: client.createdAt,
          })
          .execute(),
      );
    },
    async find(clientId: string): Promise<ClientRecord | null> {
      const row = await db.selectFrom('clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
      return row
        ? { clientId: row.client_id, name: row.name, secretSalt: row.secret_salt, secretHash: row.secret_hash, createdAt: row.created_at }
        : null;
    },
    async updateSecret(clientId: string, secretSalt: string, secretHash: string): Promise<void> {
      await db.updateTable('clients').set({ secret_salt: secretSalt, secret_hash: secretHash }).where('client_id', '=', clientId).execute();
    },
    async list(): Promise<Array<Pick<ClientRecord, 'clientId' | 'name' | 'createdAt'>>> {
      const rows = await db.selectFrom('clients').select(['client_id', 'name', 'created_at']).orderBy('created_at').execute();
      return rows.map((r) => ({ clientId: r.client_id, name: r.name, createdAt: r.created_at }));
    },
  };
}
export type ClientsRepository = ReturnType<typeof clientsRepository>;
