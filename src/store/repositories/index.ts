import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { clientsRepository } from './clients.js';
import { usersRepository } from './users.js';
import { itemsRepository } from './items.js';

/** All repositories over one connection or transaction. */
export function createRepositories(db: Kysely<Database>) {
  return {
    clients: clientsRepository(db),
    users: usersRepository(db),
    items: itemsRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
