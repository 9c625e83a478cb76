import type { Config } from '../config.ts';
import { withoutTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import {
  loadSettings,
  policyDefaultsFromConfig,
  resolvePolicy,
  type SettingRow,
} from './registry.ts';

/**
 * How long this instance trusts the board settings it read. Sign-in checks read them on every
 * request with a session, so another instance's change shows here within this time.
 */
const settingsMaxAgeMs = 15_000;

type CachedSettings = { rows: Promise<SettingRow[]>; loadedAt: number };

const settingsByDatabase = new WeakMap<Db, CachedSettings>();

/** Reads the board's settings, from this instance's copy while it is fresh. */
export async function cachedBoardSettings(db: Db, now = Date.now()): Promise<SettingRow[]> {
  const cached = settingsByDatabase.get(db);
  if (cached && now - cached.loadedAt < settingsMaxAgeMs) {
    return cached.rows;
  }
  const rows = withoutTenant(db, (tx) => loadSettings(tx));
  settingsByDatabase.set(db, { rows, loadedAt: now });
  rows.catch(() => settingsByDatabase.delete(db));

  return rows;
}

/** Drops this instance's copy of the board's settings; every policy change calls it. */
export function invalidatePolicyCache(db: Db): void {
  settingsByDatabase.delete(db);
}

export type SecurityPolicies = {
  sessions: Config['sessions'];
  /** Roles whose holders must sign in with a second factor. */
  secondFactorRoles: string[];
};

/**
 * Resolves the platform-wide sign-in policies: session lifetimes and the roles that need a second
 * factor. The configured values apply until the board has a setting of its own.
 */
export async function securityPolicies(
  db: Db,
  config: Pick<Config, 'sessions' | 'secondFactorRoles'>,
): Promise<SecurityPolicies> {
  const settings = await cachedBoardSettings(db);
  const defaults = policyDefaultsFromConfig(config);
  const valueOf = <K extends 'sessions.idle_minutes' | 'sessions.max_age_hours'>(key: K) =>
    resolvePolicy(
      key,
      settings.find((row) => row.key === key),
      undefined,
      defaults,
    ).value;
  const roles = resolvePolicy(
    'security.second_factor_roles',
    settings.find((row) => row.key === 'security.second_factor_roles'),
    undefined,
    defaults,
  );

  return {
    sessions: {
      idleMinutes: valueOf('sessions.idle_minutes'),
      maxAgeHours: valueOf('sessions.max_age_hours'),
    },
    secondFactorRoles: roles.value,
  };
}
