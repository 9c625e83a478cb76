import { lazy, type Component } from 'solid-js';

import { canOnPlatform, canOnTenant } from './access/access.ts';
import type { Me, Tenant } from './api/client.ts';
import type { MessageKey } from './i18n/create-i18n.ts';
import { paths } from './paths.ts';

export type PageAccess = { me: Me; tenant: Tenant | undefined };

/** One page inside the admin's frame. A new module adds its route file and one entry here. */
export type ShellPage = {
  path: string;
  component: Component;
  /** The side navigation's label; pages without one are reached by links only. */
  navLabel?: MessageKey;
  navGroup: 'portal' | 'platform' | 'account';
  /** Whether the page opens for this user: the server's own check, so nothing refused is shown. */
  isAllowed: (access: PageAccess) => boolean;
};

const always = () => true;

// A unit's own list of what it sent up; the main portal sends nothing to itself.
const canFollowSubmissions = (access: PageAccess) =>
  access.tenant !== undefined &&
  access.tenant.kind !== 'main' &&
  canOnTenant(access.me, 'content.syndicate', access.tenant);

export const shellPages: readonly ShellPage[] = [
  {
    path: paths.dashboard,
    component: lazy(() => import('./routes/Dashboard.tsx')),
    navLabel: 'nav.dashboard',
    navGroup: 'portal',
    isAllowed: always,
  },
  {
    path: paths.members,
    component: lazy(() => import('./routes/Members.tsx')),
    navLabel: 'nav.members',
    navGroup: 'portal',
    isAllowed: (access) => canOnTenant(access.me, 'user.read', access.tenant),
  },
  {
    path: paths.content,
    component: lazy(() => import('./routes/ContentList.tsx')),
    navLabel: 'nav.content',
    navGroup: 'portal',
    isAllowed: (access) => canOnTenant(access.me, 'content.read', access.tenant),
  },
  {
    path: paths.contentNew,
    component: lazy(() => import('./routes/ContentEditor.tsx')),
    navGroup: 'portal',
    isAllowed: (access) => canOnTenant(access.me, 'content.create', access.tenant),
  },
  {
    path: paths.contentItem,
    component: lazy(() => import('./routes/ContentEditor.tsx')),
    navGroup: 'portal',
    isAllowed: (access) => canOnTenant(access.me, 'content.read', access.tenant),
  },
  {
    path: paths.submissions,
    component: lazy(() => import('./routes/Submissions.tsx')),
    navLabel: 'nav.submissions',
    navGroup: 'portal',
    isAllowed: canFollowSubmissions,
  },
  {
    path: paths.submission,
    component: lazy(() => import('./routes/Submissions.tsx')),
    navGroup: 'portal',
    isAllowed: canFollowSubmissions,
  },
  {
    path: paths.media,
    component: lazy(() => import('./routes/MediaLibrary.tsx')),
    navLabel: 'nav.media',
    navGroup: 'portal',
    isAllowed: (access) => canOnTenant(access.me, 'media.read', access.tenant),
  },
  {
    path: paths.feedback,
    component: lazy(() => import('./routes/FeedbackInbox.tsx')),
    navLabel: 'nav.feedback',
    navGroup: 'portal',
    isAllowed: (access) => canOnTenant(access.me, 'feedback.read', access.tenant),
  },
  {
    path: paths.feedbackStatistics,
    component: lazy(() => import('./routes/FeedbackStatistics.tsx')),
    navGroup: 'portal',
    isAllowed: (access) => canOnTenant(access.me, 'feedback.read', access.tenant),
  },
  {
    path: paths.feedbackCase,
    component: lazy(() => import('./routes/FeedbackCase.tsx')),
    navGroup: 'portal',
    isAllowed: (access) => canOnTenant(access.me, 'feedback.read', access.tenant),
  },
  {
    path: paths.policies,
    component: lazy(() => import('./routes/Policies.tsx')),
    navLabel: 'nav.policies',
    navGroup: 'portal',
    // The board reads the policies with no portal chosen too, as its own defaults.
    isAllowed: (access) =>
      canOnPlatform(access.me, 'policy.read') ||
      canOnTenant(access.me, 'policy.read', access.tenant),
  },
  {
    path: paths.compliance,
    component: lazy(() => import('./routes/Compliance.tsx')),
    navLabel: 'nav.compliance',
    navGroup: 'portal',
    // The board's overview covers every portal, whichever one is chosen.
    isAllowed: (access) =>
      canOnPlatform(access.me, 'compliance.read') ||
      canOnTenant(access.me, 'compliance.read', access.tenant),
  },
  {
    path: paths.reviewQueue,
    component: lazy(() => import('./routes/ReviewQueue.tsx')),
    navLabel: 'nav.reviewQueue',
    navGroup: 'portal',
    // The queue is the main portal's, so it opens only while working on the main portal.
    isAllowed: (access) =>
      access.tenant?.kind === 'main' && canOnTenant(access.me, 'content.review', access.tenant),
  },
  {
    path: paths.audit,
    component: lazy(() => import('./routes/AuditLog.tsx')),
    navLabel: 'nav.audit',
    navGroup: 'portal',
    isAllowed: (access) =>
      canOnPlatform(access.me, 'audit.read') || canOnTenant(access.me, 'audit.read', access.tenant),
  },
  {
    path: paths.portals,
    component: lazy(() => import('./routes/Portals.tsx')),
    navLabel: 'nav.portals',
    navGroup: 'platform',
    isAllowed: (access) => canOnPlatform(access.me, 'tenant.read'),
  },
  {
    path: paths.boardAccounts,
    component: lazy(() => import('./routes/BoardAccounts.tsx')),
    navLabel: 'nav.boardAccounts',
    navGroup: 'platform',
    isAllowed: (access) => canOnPlatform(access.me, 'user.read'),
  },
  {
    path: paths.sessions,
    component: lazy(() => import('./routes/MySessions.tsx')),
    navLabel: 'nav.sessions',
    navGroup: 'account',
    isAllowed: always,
  },
  {
    path: paths.password,
    component: lazy(() => import('./routes/ChangePassword.tsx')),
    navLabel: 'nav.password',
    navGroup: 'account',
    isAllowed: always,
  },
];
