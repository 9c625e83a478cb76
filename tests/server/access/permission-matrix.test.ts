import { describe, expect, it } from 'vitest';

import { can, type Actor, type Resource } from '../../../server/access/can.ts';
import { actions, type Action } from '../../../server/access/permissions.ts';
import {
  boardRoleNames,
  tenantRoleNames,
  type BoardRole,
  type TenantRole,
} from '../../../server/db/schema/index.ts';

const ownTenant = '00000000-0000-4000-8000-000000000001';
const otherTenant = '00000000-0000-4000-8000-000000000002';

const resources = {
  ownMember: { kind: 'tenant', tenantId: ownTenant, tenantKind: 'hosted' },
  ownMain: { kind: 'tenant', tenantId: ownTenant, tenantKind: 'main' },
  otherMember: { kind: 'tenant', tenantId: otherTenant, tenantKind: 'hosted' },
  otherMain: { kind: 'tenant', tenantId: otherTenant, tenantKind: 'main' },
  platform: { kind: 'platform' },
} satisfies Record<string, Resource>;

// The expected matrix, written out role by role from the rules the platform serves. It is a
// second statement of the permission table, so a change to either one fails this test.
const tenantRoleActions: Record<TenantRole, Action[]> = {
  unit_admin: [
    'tenant.read',
    'user.read',
    'user.manage',
    'membership.manage',
    'session.revoke',
    'content.read',
    'content.create',
    'content.edit',
    'content.submit',
    'content.syndicate',
    'content.receive',
    'content.classify',
    'content.review',
    'content.return',
    'content.escalate',
    'content.approve',
    'content.publish',
    'content.unpublish_request',
    'content.unpublish',
    'content.archive',
    'policy.read',
    'policy.override',
    'compliance.read',
    'feedback.read',
    'feedback.classify',
    'feedback.forward',
    'feedback.reject',
    'feedback.answer',
    'feedback.approve',
    'feedback.publish',
    'service.read',
    'service.manage',
    'dossier.read',
    'dossier.manage',
    'integration_token.manage',
    'media.read',
    'media.upload',
    'media.delete',
    'audit.read',
  ],
  focal_point: [
    'tenant.read',
    'content.read',
    'content.create',
    'content.edit',
    'content.submit',
    'content.syndicate',
    'content.unpublish_request',
    'policy.read',
    'compliance.read',
    'feedback.read',
    'feedback.answer',
    'service.read',
    'dossier.read',
    'dossier.manage',
    'media.read',
    'media.upload',
  ],
  editor: [
    'tenant.read',
    'content.read',
    'content.create',
    'content.edit',
    'content.submit',
    'content.receive',
    'content.classify',
    'content.review',
    'content.return',
    'content.escalate',
    'content.approve',
    'content.publish',
    'content.unpublish_request',
    'content.archive',
    'policy.read',
    'compliance.read',
    'feedback.read',
    'feedback.answer',
    'service.read',
    'dossier.read',
    'media.read',
    'media.upload',
    'media.delete',
  ],
  author: [
    'tenant.read',
    'content.read',
    'content.create',
    'content.edit',
    'content.submit',
    'policy.read',
    'service.read',
    'media.read',
    'media.upload',
  ],
};

const boardLeaderActions = actions.filter((action) => action !== 'content.syndicate');
const boardDeciderActions: Action[] = [
  'tenant.read',
  'content.read',
  'content.approve_escalated',
  'content.unpublish',
  'policy.read',
  'compliance.read',
  'service.read',
  'media.read',
];
const standingEverywhere: Action[] = [
  'tenant.read',
  'content.read',
  'policy.read',
  'compliance.read',
  'feedback.read',
  'feedback.classify',
  'feedback.forward',
  'feedback.reject',
  'feedback.answer',
  'feedback.approve',
  'feedback.publish',
  'service.read',
  'dossier.read',
  'media.read',
];
const standingOnMain: Action[] = [
  'content.create',
  'content.edit',
  'content.submit',
  'content.receive',
  'content.classify',
  'content.review',
  'content.return',
  'content.escalate',
  'content.approve',
  'content.publish',
  'content.unpublish_request',
  'content.archive',
  'media.upload',
  'media.delete',
];
const auditorActions: Action[] = [
  'tenant.read',
  'user.read',
  'policy.read',
  'audit.read',
  'security_event.read',
  'health.read',
];

type BoardExpectation = { anywhere: Action[]; onMainToo: Action[] };
const boardRoleActions: Record<BoardRole, BoardExpectation> = {
  board_head: { anywhere: boardLeaderActions, onMainToo: [] },
  board_standing_deputy: { anywhere: boardLeaderActions, onMainToo: [] },
  board_deputy: { anywhere: boardDeciderActions, onMainToo: [] },
  board_member: { anywhere: boardDeciderActions, onMainToo: [] },
  standing_staff: { anywhere: standingEverywhere, onMainToo: standingOnMain },
  security_auditor: { anywhere: auditorActions, onMainToo: [] },
};

function actorWith(options: { tenantRole?: TenantRole; boardRole?: BoardRole }): Actor {
  return {
    userId: '00000000-0000-4000-8000-0000000000aa',
    email: 'nguoi.dung@mic.gov.vn',
    displayName: 'Người dùng',
    boardRoles: new Set(options.boardRole ? [options.boardRole] : []),
    memberships: new Map(options.tenantRole ? [[ownTenant, new Set([options.tenantRole])]] : []),
  };
}

describe('permission matrix', () => {
  for (const role of tenantRoleNames) {
    describe(`tenant role ${role}`, () => {
      const actor = actorWith({ tenantRole: role });
      const allowed = new Set(tenantRoleActions[role]);

      it.each(actions)('%s on its own portal', (action) => {
        expect(can(actor, action, resources.ownMember)).toBe(allowed.has(action));
        expect(can(actor, action, resources.ownMain)).toBe(allowed.has(action));
      });

      it.each(actions)('%s on another portal and the platform', (action) => {
        expect(can(actor, action, resources.otherMember)).toBe(false);
        expect(can(actor, action, resources.otherMain)).toBe(false);
        expect(can(actor, action, resources.platform)).toBe(false);
      });
    });
  }

  for (const role of boardRoleNames) {
    describe(`board role ${role}`, () => {
      const actor = actorWith({ boardRole: role });
      const anywhere = new Set(boardRoleActions[role].anywhere);
      const onMain = new Set([...anywhere, ...boardRoleActions[role].onMainToo]);

      it.each(actions)('%s on member portals and the platform', (action) => {
        expect(can(actor, action, resources.otherMember)).toBe(anywhere.has(action));
        expect(can(actor, action, resources.platform)).toBe(anywhere.has(action));
      });

      it.each(actions)('%s on the main portal', (action) => {
        expect(can(actor, action, resources.otherMain)).toBe(onMain.has(action));
      });
    });
  }

  it('gives a user with no role nothing', () => {
    const actor = actorWith({});

    for (const action of actions) {
      expect(can(actor, action, resources.ownMember)).toBe(false);
      expect(can(actor, action, resources.platform)).toBe(false);
    }
  });

  it('lets the security auditor change nothing', () => {
    const auditor = actorWith({ boardRole: 'security_auditor' });
    const changes = actions.filter((action) => !action.endsWith('.read'));

    for (const action of changes) {
      for (const resource of Object.values(resources)) {
        expect(can(auditor, action, resource), action).toBe(false);
      }
    }
  });
});
