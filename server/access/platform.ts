import type { Db, Tx } from '../db/types.ts';
import { withPlatformScope } from '../db/tenant-scope.ts';
import { AppError } from '../errors.ts';
import { can, type Actor } from './can.ts';
import type { Action } from './permissions.ts';

/**
 * Runs `fn` with read access to every tenant, after checking that the actor may take the
 * action on the platform. The only way the application enters the platform scope.
 */
export async function withPlatform<T>(
  db: Db,
  actor: Actor,
  action: Action,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  if (!can(actor, action, { kind: 'platform' })) {
    throw new AppError('forbidden', `You are not allowed to do this (${action})`);
  }

  return withPlatformScope(db, fn);
}
