import type { Me, Member, Tenant } from '../../web/src/api/client.ts';

export const fakeTenants: Tenant[] = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    slug: 'mic',
    kind: 'main',
    status: 'active',
    nameVi: 'Bộ Thông tin và Truyền thông',
    nameEn: 'Ministry of Information and Communications',
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    slug: 'ais',
    kind: 'hosted',
    status: 'active',
    nameVi: 'Cục An toàn thông tin',
    nameEn: 'Authority of Information Security',
  },
  {
    id: '00000000-0000-4000-8000-000000000003',
    slug: 'vnta',
    kind: 'hosted',
    status: 'active',
    nameVi: 'Cục Viễn thông',
    nameEn: null,
  },
];

export type FakeMeOptions = {
  boardRoles?: string[];
  memberships?: { tenant: Tenant; roles: string[] }[];
  isEnrolled?: boolean;
};

export function fakeMe(options: FakeMeOptions = {}): Me {
  return {
    user: {
      id: '10000000-0000-4000-8000-000000000001',
      email: 'can.bo@mic.gov.vn',
      displayName: 'Cán bộ Thử nghiệm',
      jobTitle: null,
    },
    boardRoles: options.boardRoles ?? [],
    memberships: (options.memberships ?? []).map((membership) => ({
      tenantId: membership.tenant.id,
      slug: membership.tenant.slug,
      nameVi: membership.tenant.nameVi,
      roles: membership.roles,
    })),
    secondFactor: {
      isEnrolled: options.isEnrolled ?? false,
      isRequired: false,
      isPending: false,
    },
  };
}

export function fakeMember(overrides: Partial<Member> = {}): Member {
  return {
    id: '20000000-0000-4000-8000-000000000001',
    email: 'tac.gia@mic.gov.vn',
    displayName: 'Trần Văn Tác Giả',
    jobTitle: null,
    status: 'active',
    hasSecondFactor: false,
    lastLoginAt: null,
    roles: ['author'],
    ...overrides,
  };
}

type Handler = (request: Request) => unknown;

/**
 * Creates a stand-in `fetch` for the admin API: `routes` maps "METHOD /path" to the JSON body of a 200, or to a
 * handler that returns such a body or a whole `Response` (for errors). Any other request gets 404, and every
 * request is recorded.
 */
export function fakeAdminFetch(routes: Record<string, Handler | object>) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request);
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname.replace(/^\/api\/admin/, '')}`;
    const route = routes[key];
    if (route === undefined) {
      const body = { error: { code: 'not_found', message: `no fake for ${key}`, fields: [] } };
      return new Response(JSON.stringify(body), { status: 404 });
    }
    const body = typeof route === 'function' ? await (route as Handler)(request) : route;
    if (body instanceof Response) {
      return body;
    }
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };

  return { fetch, requests };
}
