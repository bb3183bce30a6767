// Migrations are registered statically: nothing scans the filesystem at run time.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_clients_and_users.js';
import * as m0002 from './0002_jobs.js';
import * as m0003 from './0003_items.js';
import * as m0004 from './0004_webhooks.js';
import * as m0005 from './0005_reports.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001_clients_and_users': m0001,
  '0002_jobs': m0002,
  '0003_items': m0003,
  '0004_webhooks': m0004,
  '0005_reports': m0005,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
