import type { BoardRole, TenantRole } from '../db/schema/index.ts';

/** Every action the server checks, named `<resource>.<verb>`. */
export const actions = [
  'tenant.read',
  'tenant.manage',
  'domain.manage',
  'user.read',
  'user.manage',
  'membership.manage',
  'board_role.manage',
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
  'content.approve_escalated',
  'content.publish',
  'content.unpublish_request',
  'content.unpublish',
  'content.archive',
  'policy.read',
  'policy.manage_default',
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
  'security_event.read',
  'health.read',
] as const;

export type Action = (typeof actions)[number];

/** Who may take one action. */
export type PermissionRule = {
  /** Tenant roles that may take it on their own portal, never on another. */
  tenant: readonly TenantRole[];
  /** Board roles that may take it on every portal and on the platform itself. */
  board: readonly BoardRole[];
  /** Board roles that may take it on the main portal only (the standing section's desk). */
  boardOnMain?: readonly BoardRole[];
};

const allTenantRoles: readonly TenantRole[] = ['unit_admin', 'focal_point', 'editor', 'author'];
const contributors: readonly TenantRole[] = ['unit_admin', 'focal_point', 'editor', 'author'];
const unitEditors: readonly TenantRole[] = ['unit_admin', 'editor'];
const unitAdmins: readonly TenantRole[] = ['unit_admin'];

const boardLeaders: readonly BoardRole[] = ['board_head', 'board_standing_deputy'];
const boardDeciders: readonly BoardRole[] = [...boardLeaders, 'board_deputy', 'board_member'];
const editorialBoard: readonly BoardRole[] = [...boardDeciders, 'standing_staff'];
const everyBoardRole: readonly BoardRole[] = [...editorialBoard, 'security_auditor'];
const overseers: readonly BoardRole[] = [...boardLeaders, 'security_auditor'];
const standingDesk: readonly BoardRole[] = ['standing_staff'];

/** The desk of the standing section on the main portal, and the unit's own editors. */
const editorialStep: PermissionRule = {
  tenant: unitEditors,
  board: boardLeaders,
  boardOnMain: standingDesk,
};

/**
 * The one permission table: every access decision of the server and the admin reads it.
 * The security auditors read the audit trail and health but change nothing.
 */
export const permissionTable: Record<Action, PermissionRule> = {
  'tenant.read': { tenant: allTenantRoles, board: everyBoardRole },
  'tenant.manage': { tenant: [], board: boardLeaders },
  'domain.manage': { tenant: [], board: boardLeaders },
  'user.read': { tenant: unitAdmins, board: [...boardLeaders, 'security_auditor'] },
  'user.manage': { tenant: unitAdmins, board: boardLeaders },
  'membership.manage': { tenant: unitAdmins, board: boardLeaders },
  'board_role.manage': { tenant: [], board: boardLeaders },
  'session.revoke': { tenant: unitAdmins, board: boardLeaders },
  'content.read': { tenant: allTenantRoles, board: editorialBoard },
  'content.create': { tenant: contributors, board: boardLeaders, boardOnMain: standingDesk },
  'content.edit': { tenant: contributors, board: boardLeaders, boardOnMain: standingDesk },
  'content.submit': { tenant: contributors, board: boardLeaders, boardOnMain: standingDesk },
  'content.syndicate': { tenant: ['unit_admin', 'focal_point'], board: [] },
  'content.receive': editorialStep,
  'content.classify': editorialStep,
  'content.review': editorialStep,
  'content.return': editorialStep,
  'content.escalate': editorialStep,
  'content.approve': editorialStep,
  'content.approve_escalated': { tenant: [], board: boardDeciders },
  'content.publish': editorialStep,
  'content.unpublish_request': {
    tenant: ['unit_admin', 'editor', 'focal_point'],
    board: boardLeaders,
    boardOnMain: standingDesk,
  },
  'content.unpublish': { tenant: unitAdmins, board: boardDeciders },
  'content.archive': editorialStep,
  'policy.read': { tenant: allTenantRoles, board: everyBoardRole },
  'policy.manage_default': { tenant: [], board: boardLeaders },
  'policy.override': { tenant: unitAdmins, board: boardLeaders },
  'compliance.read': { tenant: ['unit_admin', 'editor', 'focal_point'], board: editorialBoard },
  'feedback.read': {
    tenant: ['unit_admin', 'editor', 'focal_point'],
    board: [...boardLeaders, 'standing_staff'],
  },
  'feedback.classify': { tenant: unitAdmins, board: [...boardLeaders, 'standing_staff'] },
  'feedback.forward': { tenant: unitAdmins, board: [...boardLeaders, 'standing_staff'] },
  'feedback.reject': { tenant: unitAdmins, board: [...boardLeaders, 'standing_staff'] },
  'feedback.answer': {
    tenant: ['unit_admin', 'editor', 'focal_point'],
    board: [...boardLeaders, 'standing_staff'],
  },
  'feedback.approve': { tenant: unitAdmins, board: [...boardLeaders, 'standing_staff'] },
  'feedback.publish': { tenant: unitAdmins, board: [...boardLeaders, 'standing_staff'] },
  'service.read': { tenant: allTenantRoles, board: editorialBoard },
  'service.manage': { tenant: unitAdmins, board: boardLeaders },
  'dossier.read': {
    tenant: ['unit_admin', 'focal_point', 'editor'],
    board: [...boardLeaders, 'standing_staff'],
  },
  'dossier.manage': { tenant: ['unit_admin', 'focal_point'], board: boardLeaders },
  'integration_token.manage': { tenant: unitAdmins, board: boardLeaders },
  'media.read': { tenant: allTenantRoles, board: editorialBoard },
  'media.upload': { tenant: contributors, board: boardLeaders, boardOnMain: standingDesk },
  'media.delete': editorialStep,
  'audit.read': { tenant: unitAdmins, board: overseers },
  'security_event.read': { tenant: [], board: overseers },
  'health.read': { tenant: [], board: overseers },
};
