// The explicit list of every route opencheck serves (no autoloading).
import type { FastifyInstance } from 'fastify';
import type { OperationDeps } from '../../operations/deps.js';
import { registerPlaidRoute } from '../plaid-route.js';
import { userCreateRoute } from './user/user-create.js';
import { userGetRoute } from './user/user-get.js';
import { userRemoveRoute } from './user/user-remove.js';
import { userUpdateRoute } from './user/user-update.js';

export function registerRoutes(app: FastifyInstance, deps: OperationDeps): void {
  for (const route of [userCreateRoute(deps), userGetRoute(deps), userUpdateRoute(deps), userRemoveRoute(deps)]) {
    registerPlaidRoute(app, deps, route);
  }
}
