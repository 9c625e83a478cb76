import { render } from '@solidjs/testing-library';
import { vi } from 'vitest';

import type { Me, Tenant } from '../../../web/src/api/client.ts';
import { App } from '../../../web/src/App.tsx';
import type { ItemDetail, Revision } from '../../../web/src/content/editor/item-types.ts';
import { createAppServices } from '../../../web/src/stores/app-context.tsx';
import { rememberRequestedTenant } from '../../../web/src/stores/create-tenant-scope.ts';
import { fakeMe, fakeTenants } from '../fake-admin-api.ts';

/** A response with a status other than 200, for `fakeEditorApi` routes. */
export class FakeResponse {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

type Handler = (request: Request, body: unknown) => unknown;

/**
 * Creates a stand-in `fetch` for the admin API like `fakeAdminFetch`, whose handlers also get
 * the parsed JSON body and may return any status through `FakeResponse`. Handlers may be
 * replaced while a test runs, so a second request to a route can get a different response.
 */
export function fakeEditorApi(initial: Record<string, Handler | object>) {
  const routes = { ...initial };
  const requests: { method: string; path: string; url: URL; body: unknown }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api\/admin/, '');
    const text = request.method === 'GET' ? '' : await request.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    requests.push({ method: request.method, path, url, body });
    const route = routes[`${request.method} ${path}`];
    if (route === undefined) {
      const missing = { error: { code: 'not_found', message: `no fake for ${path}`, fields: [] } };
      return new Response(JSON.stringify(missing), { status: 404 });
    }
    const answer = typeof route === 'function' ? await (route as Handler)(request, body) : route;
    const response = answer instanceof FakeResponse ? answer : new FakeResponse(200, answer);
    return new Response(JSON.stringify(response.body), {
      status: response.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  const sent = (method: string, path: string) =>
    requests.filter((request) => request.method === method && request.path === path);

  return { fetch, requests, routes, sent };
}

export const unitPortal: Tenant = fakeTenants[1]!;
export const mainPortal: Tenant = fakeTenants[0]!;
export const itemId = '40000000-0000-4000-8000-000000000001';
export const firstRevisionId = '41000000-0000-4000-8000-000000000001';
export const secondRevisionId = '41000000-0000-4000-8000-000000000002';

export function unitEditorMe(roles: string[] = ['editor']): Me {
  return fakeMe({ memberships: [{ tenant: unitPortal, roles }] });
}

export function revision(overrides: Partial<Revision> = {}): Revision {
  return {
    id: firstRevisionId,
    number: 1,
    titleVi: 'Hội thảo an toàn thông tin',
    titleEn: null,
    leadVi: 'Cục tổ chức hội thảo về an toàn thông tin.',
    leadEn: null,
    bodyVi: '<p>Sáng nay, Cục tổ chức hội thảo.</p>',
    bodyEn: null,
    fields: { galleryMediaIds: [] },
    basedOnRevisionId: null,
    createdBy: '10000000-0000-4000-8000-000000000001',
    createdAt: '2026-12-01T08:00:00.000Z',
    ...overrides,
  };
}

export function itemDetail(overrides: Partial<ItemDetail> = {}): ItemDetail {
  const current = overrides.currentRevision ?? revision();
  return {
    item: {
      id: itemId,
      type: 'article',
      slug: 'hoi-thao-an-toan-thong-tin',
      status: 'draft',
      titleVi: current.titleVi,
      categoryId: null,
      sourceTenantId: null,
      isSensitive: false,
      dueAt: null,
      publishAt: null,
      unpublishAt: null,
      publishedAt: null,
      updatedAt: current.createdAt,
      createdBy: '10000000-0000-4000-8000-000000000001',
      provenance: null,
    },
    currentRevision: current,
    publishedRevisionId: null,
    revisions: [
      {
        id: current.id,
        number: current.number,
        createdBy: current.createdBy,
        createdByName: null,
        createdAt: current.createdAt,
      },
    ],
    events: [],
    allowedActions: ['submit'],
    ...overrides,
  };
}

/** Lists the routes that every editor page loads besides the item. */
export function shellRoutes(me: Me, tenants: Tenant[] = [unitPortal]) {
  return {
    'GET /auth/me': me,
    'GET /tenants': { tenants },
    'GET /content/categories': {
      categories: [
        {
          id: '30000000-0000-4000-8000-000000000001',
          parentId: null,
          slug: 'tin-tuc',
          nameVi: 'Tin tức',
          nameEn: 'News',
          isStanding: false,
        },
        {
          id: '30000000-0000-4000-8000-000000000002',
          parentId: '30000000-0000-4000-8000-000000000001',
          slug: 'hoat-dong',
          nameVi: 'Tin hoạt động',
          nameEn: null,
          isStanding: false,
        },
      ],
    },
  };
}

/** Opens the admin at a path with the fake API; the editor's first load compiles TipTap. */
export function openAdmin(path: string, fake: ReturnType<typeof fakeEditorApi>) {
  vi.stubGlobal('fetch', fake.fetch);
  window.history.replaceState(null, '', path);
  rememberRequestedTenant();
  return render(() => <App services={createAppServices()} />);
}

/** How long the first screen of a test may take: the lazy route imports the whole editor. */
export const firstLoad = { timeout: 20_000 };
