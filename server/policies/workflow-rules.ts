import { and, desc, eq, inArray } from 'drizzle-orm';

import type { Actor } from '../access/can.ts';
import type { TenantRef } from '../access/context.ts';
import { permissionTable } from '../access/permissions.ts';
import {
  boardRoles,
  categories,
  memberships,
  workflowEvents,
  type BoardRole,
} from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { loadOverrides, loadSettings, resolvePolicy } from './registry.ts';

/** The steps that approve an item or put a revision live without a further approval. */
const gatedSteps = new Set(['approve', 'publish', 'schedule', 'publish_update']);

/** Board roles whose approval counts as the board's: those that may take an approval step. */
const approvingBoardRoles = new Set<BoardRole>([
  ...permissionTable['content.approve'].board,
  ...permissionTable['content.approve_escalated'].board,
]);

/** The role whose approval a member portal's item needs before it goes live. */
type Approver = 'board' | 'unit_admin';

type Approval = { boardRoles: ReadonlySet<string>; isUnitAdmin: boolean };

export type PublicationStep = {
  actor: Actor;
  tenant: TenantRef;
  item: { id: string; categoryId: string | null };
  action: string;
};

async function categoryOf(tx: Tx, tenantId: string, categoryId: string | null) {
  if (!categoryId) {
    return null;
  }
  const [category] = await tx
    .select({ templateKey: categories.templateKey, nameVi: categories.nameVi })
    .from(categories)
    .where(and(eq(categories.tenantId, tenantId), eq(categories.id, categoryId)));

  return category ?? null;
}

async function requiredApprover(tx: Tx, tenantId: string, templateKey: string | null) {
  const keys = ['content.review_required_categories', 'workflow.unit_self_publish'] as const;
  const settings = await loadSettings(tx, keys);
  const overrides = await loadOverrides(tx, tenantId, keys);
  const valueOf = <K extends (typeof keys)[number]>(key: K) =>
    resolvePolicy(
      key,
      settings.find((row) => row.key === key),
      overrides.find((row) => row.key === key),
    ).value;

  if (templateKey && valueOf('content.review_required_categories').includes(templateKey)) {
    return 'board' satisfies Approver;
  }

  return valueOf('workflow.unit_self_publish') ? null : ('unit_admin' satisfies Approver);
}

/** Returns the current roles of the person who last approved the item, or null if no one did. */
async function latestApproval(tx: Tx, tenantId: string, itemId: string): Promise<Approval | null> {
  const [event] = await tx
    .select({ actorUserId: workflowEvents.actorUserId })
    .from(workflowEvents)
    .where(
      and(
        eq(workflowEvents.tenantId, tenantId),
        eq(workflowEvents.itemId, itemId),
        inArray(workflowEvents.action, ['approve', 'approve_escalated']),
      ),
    )
    .orderBy(desc(workflowEvents.occurredAt))
    .limit(1);
  if (!event?.actorUserId) {
    return null;
  }
  const userId = event.actorUserId;
  const held = await tx.select().from(boardRoles).where(eq(boardRoles.userId, userId));
  const [admin] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.userId, userId),
        eq(memberships.role, 'unit_admin'),
      ),
    );

  return { boardRoles: new Set(held.map((row) => row.role)), isUnitAdmin: Boolean(admin) };
}

function satisfies(approval: Approval, approver: Approver): boolean {
  const isBoard = [...approval.boardRoles].some((role) =>
    approvingBoardRoles.has(role as BoardRole),
  );

  return isBoard || (approver === 'unit_admin' && approval.isUnitAdmin);
}

function rejection(approver: Approver, categoryName: string | undefined): AppError {
  if (approver === 'board') {
    return new AppError(
      'conflict',
      `Items in the category "${categoryName}" need the standing section's review: submit the ` +
        'item to the main portal, or have a board leader approve it',
    );
  }

  return new AppError(
    'conflict',
    "This portal's items are approved by its unit admin before publication: ask the unit admin " +
      'to approve it',
  );
}

/**
 * Applies the board's publication policies to a workflow step on a member portal:
 *
 * - An item in a category that needs the standing section's review is approved by a board
 *   leader (or, after escalation, a board decider), or it is sent to the main portal, where the
 *   standing section reviews it. The unit's own staff cannot approve or publish it.
 * - When `workflow.unit_self_publish` is off, an item is approved by the portal's unit admin
 *   (or a board leader); an editor's approval is not enough.
 *
 * The rule is checked at the approving step and again at publication, against the person who
 * gave the latest approval, so an item approved before the policy changed cannot slip through.
 * Putting a new revision of a live item on the site (`publish_update`) has no approval step, so
 * it must be taken by someone who could have approved it. The main portal is not affected
 * because the standing section reviews all of its items.
 */
export async function assertPublicationPolicies(tx: Tx, step: PublicationStep): Promise<void> {
  if (step.tenant.kind === 'main' || !gatedSteps.has(step.action)) {
    return;
  }
  const category = await categoryOf(tx, step.tenant.id, step.item.categoryId);
  const approver = await requiredApprover(tx, step.tenant.id, category?.templateKey ?? null);
  if (!approver) {
    return;
  }

  const isOwnApproval = step.action === 'approve' || step.action === 'publish_update';
  const approval: Approval | null = isOwnApproval
    ? {
        boardRoles: step.actor.boardRoles,
        isUnitAdmin: step.actor.memberships.get(step.tenant.id)?.has('unit_admin') ?? false,
      }
    : await latestApproval(tx, step.tenant.id, step.item.id);
  if (!approval || !satisfies(approval, approver)) {
    throw rejection(approver, category?.nameVi);
  }
}
