import type { paths } from '../api/schema';

type JsonBody<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type MembershipBody = JsonBody<
  paths['/users/{userId}/memberships/{tenantId}']['put']['requestBody']
>;
type BoardRolesBody = JsonBody<paths['/users/{userId}/board-roles']['put']['requestBody']>;

export type TenantRole = MembershipBody['roles'][number];
export type BoardRole = BoardRolesBody['roles'][number];

/** Roles on one portal, most powerful first: the order the admin lists them in. */
export const tenantRoles = [
  'unit_admin',
  'focal_point',
  'editor',
  'author',
] as const satisfies readonly TenantRole[];

/** Board roles, most senior first. */
export const boardRoles = [
  'board_head',
  'board_standing_deputy',
  'board_deputy',
  'board_member',
  'standing_staff',
  'security_auditor',
] as const satisfies readonly BoardRole[];

// Both lists must name every role the API accepts; a new role on the server fails here.
const everyTenantRoleListed: Exclude<TenantRole, (typeof tenantRoles)[number]> extends never
  ? true
  : false = true;
const everyBoardRoleListed: Exclude<BoardRole, (typeof boardRoles)[number]> extends never
  ? true
  : false = true;
void everyTenantRoleListed;
void everyBoardRoleListed;

export function isTenantRole(value: string): value is TenantRole {
  return (tenantRoles as readonly string[]).includes(value);
}

export function isBoardRole(value: string): value is BoardRole {
  return (boardRoles as readonly string[]).includes(value);
}
