// Migrations are registered statically: nothing scans the filesystem at run time.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_clients_and_users.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001_clients_and_users': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
