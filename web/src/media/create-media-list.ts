import { createResource } from 'solid-js';

import type { ApiClient } from '../api/client.ts';
import type { MediaKind, MediaList } from './media-types.ts';

export type MediaListQuery = {
  tenantId: string;
  q?: string;
  kind?: MediaKind;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

/**
 * Creates the resource of one page of a portal's files. `query` returning undefined (no portal
 * chosen yet) sends nothing.
 */
export function createMediaList(api: ApiClient, query: () => MediaListQuery | undefined) {
  const [list, { refetch }] = createResource(query, async (current) => {
    const result = await api.call(api.client.GET('/media', { params: { query: current } }));
    return result as MediaList;
  });
  // `latest` keeps the grid in place during a refetch; a failed load shows no rows.
  const rows = () => (list.error ? [] : (list.latest?.media ?? []));
  const total = () => (list.error ? 0 : (list.latest?.total ?? 0));
  const storage = () => (list.error ? undefined : list.latest?.storage);

  return { list, rows, total, storage, refetch };
}
