import type { Kysely } from 'kysely';
import type { StoreReadCaches } from '../read-cache.js';
import type { Database } from '../schema.js';
import { clientsRepository } from './clients.js';
import { usersRepository } from './users.js';
import { itemsRepository } from './items.js';
import { reportsRepository } from './reports.js';
import { webhooksRepository } from './webhooks.js';

/**
 * All repositories over one connection or transaction. `caches` is the
 * store's (Store.readCaches): every handle on a store must share them, so
 * that a write through any of them drops what it changes.
 */
export function createRepositories(db: Kysely<Database>, caches: StoreReadCaches | null) {
  return {
    clients: clientsRepository(db),
    users: usersRepository(db, caches),
    items: itemsRepository(db),
    reports: reportsRepository(db, caches),
    webhooks: webhooksRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
