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
    path: paths.reviewQueue,
    component: lazy(() => import('./routes/ReviewQueue.tsx')),
    navLabel: 'nav.reviewQueue',
    navGroup: 'portal',
    // The queue is the main portal's, so it opens only while working on the main portal.
    isAllowed: (access) =>
      access.tenant?.kind === 'main' && canOnTenant(access.me, 'content.review', access.tenant),
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
