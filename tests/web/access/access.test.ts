import { describe, expect, it } from 'vitest';

import { canOnPlatform, canOnTenant, rolesOnTenant } from '../../../web/src/access/access.ts';
import type { Me, Tenant } from '../../../web/src/api/client.ts';
import { fakeMe, fakeTenants } from '../fake-admin-api.ts';

const [main, ais, vnta] = fakeTenants as [Tenant, Tenant, Tenant];

describe('client permission check', () => {
  const unitAdmin: Me = fakeMe({ memberships: [{ tenant: ais, roles: ['unit_admin'] }] });
  const editor: Me = fakeMe({ memberships: [{ tenant: ais, roles: ['editor'] }] });
  const boardHead: Me = fakeMe({ boardRoles: ['board_head'] });
  const auditor: Me = fakeMe({ boardRoles: ['security_auditor'] });
  const standing: Me = fakeMe({ boardRoles: ['standing_staff'] });

  it('lets a unit admin manage people on their own portal only', () => {
    expect(canOnTenant(unitAdmin, 'membership.manage', ais)).toBe(true);
    expect(canOnTenant(unitAdmin, 'membership.manage', vnta)).toBe(false);
    expect(canOnPlatform(unitAdmin, 'user.read')).toBe(false);
  });

  it('hides people management from an editor', () => {
    expect(canOnTenant(editor, 'user.read', ais)).toBe(false);
    expect(canOnTenant(editor, 'content.edit', ais)).toBe(true);
  });

  it('gives the board head every portal and the platform', () => {
    expect(canOnTenant(boardHead, 'membership.manage', vnta)).toBe(true);
    expect(canOnPlatform(boardHead, 'board_role.manage')).toBe(true);
  });

  it('lets the security auditor read people but change nothing', () => {
    expect(canOnPlatform(auditor, 'user.read')).toBe(true);
    expect(canOnPlatform(auditor, 'board_role.manage')).toBe(false);
    expect(canOnTenant(auditor, 'membership.manage', ais)).toBe(false);
  });

  it('gives the standing section its desk on the main portal only', () => {
    expect(canOnTenant(standing, 'content.publish', main)).toBe(true);
    expect(canOnTenant(standing, 'content.publish', ais)).toBe(false);
  });

  it('refuses everything before the user is known', () => {
    expect(canOnTenant(undefined, 'tenant.read', ais)).toBe(false);
    expect(canOnPlatform(undefined, 'user.read')).toBe(false);
  });

  it('lists board roles and the roles held on one portal', () => {
    const both = fakeMe({
      boardRoles: ['board_member'],
      memberships: [{ tenant: ais, roles: ['author'] }],
    });

    expect(rolesOnTenant(both, ais.id)).toEqual({
      boardRoles: ['board_member'],
      tenantRoles: ['author'],
    });
    expect(rolesOnTenant(both, vnta.id).tenantRoles).toEqual([]);
  });
});
