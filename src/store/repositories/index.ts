import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { clientsRepository } from './clients.js';
import { usersRepository } from './users.js';
import { itemsRepository } from './items.js';
import { reportsRepository } from './reports.js';
import { webhooksRepository } from './webhooks.js';

/** All repositories over one connection or transaction. */
export function createRepositories(db: Kysely<Database>) {
  return {
    clients: clientsRepository(db),
    users: usersRepository(db),
    items: itemsRepository(db),
    reports: reportsRepository(db),
    webhooks: webhooksRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
