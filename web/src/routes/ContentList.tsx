import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';

import { canOnTenant } from '../access/access.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { Pager } from '../components/Pager.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { tenantName } from '../components/tenant-name.ts';
import {
  contentTypeLabel,
  contentTypeNames,
  isContentType,
  isWorkflowState,
  workflowStateLabel,
  workflowStateNames,
  type ContentType,
  type WorkflowState,
} from '../content/content-names.ts';
import { NewItemTypeList } from '../content/editor/NewItemTypeList.tsx';
import { contentItemPath } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';

/** The rows of one page of the list, as `GET /content/items` returns them. */
export type ListedItem = {
  id: string;
  type: ContentType;
  slug: string | null;
  status: WorkflowState;
  titleVi: string;
  categoryId: string | null;
  updatedAt: string;
};

export type Category = {
  id: string;
  parentId: string | null;
  nameVi: string;
  nameEn: string | null;
};

export const contentPageSize = 20;

/** The list's query parameters: `loai` (type), `tinh-trang` (state), `chuyen-muc`, `trang`. */
type ListParams = { loai?: string; 'tinh-trang'?: string; 'chuyen-muc'?: string; trang?: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Lists the current portal's items, filtered by type, state and category from the address. */
export default function ContentList() {
  const { api, scope, session, i18n } = useApp();
  const [params, setParams] = useSearchParams<ListParams>();
  const tenant = () => scope.current();
  const [isTypeChoiceOpen, setTypeChoiceOpen] = createSignal(false);
  const canCreate = () => canOnTenant(session.me(), 'content.create', tenant());

  // Unknown values in the address are ignored rather than sent, so a stale link still opens.
  const filters = createMemo(() => {
    const page = Number.parseInt(params.trang ?? '1', 10);
    return {
      type: isContentType(params.loai) ? params.loai : undefined,
      status: isWorkflowState(params['tinh-trang']) ? params['tinh-trang'] : undefined,
      categoryId: uuidPattern.test(params['chuyen-muc'] ?? '') ? params['chuyen-muc'] : undefined,
      page: Number.isInteger(page) && page >= 1 ? page : 1,
    };
  });

  const [items, { refetch }] = createResource(
    () => {
      const tenantId = tenant()?.id;
      return tenantId ? { tenantId, ...filters() } : undefined;
    },
    async (query) => {
      const result = await api.call(
        api.client.GET('/content/items', {
          params: { query: { ...query, pageSize: contentPageSize } },
        }),
      );
      return result as unknown as { items: ListedItem[]; total: number };
    },
  );
  const [categories] = createResource(
    () => tenant()?.id,
    async (tenantId) => {
      const result = await api.call(
        api.client.GET('/content/categories', { params: { query: { tenantId } } }),
      );
      return (result as unknown as { categories: Category[] }).categories;
    },
  );

  const rows = () => (items.error ? [] : (items.latest?.items ?? []));
  const total = () => (items.error ? 0 : (items.latest?.total ?? 0));
  const pageCount = () => Math.max(1, Math.ceil(total() / contentPageSize));
  const categoryList = () => (categories.error ? [] : (categories.latest ?? []));
  const categoryName = (id: string | null) => {
    const category = categoryList().find((candidate) => candidate.id === id);
    if (!category) {
      return '—';
    }
    return i18n.locale() === 'en' && category.nameEn ? category.nameEn : category.nameVi;
  };
  // A changed filter starts again from the first page.
  const setFilter = (name: keyof ListParams, value: string) =>
    setParams({ [name]: value || undefined, trang: undefined });
  const goToPage = (page: number) => setParams({ trang: page > 1 ? String(page) : undefined });

  return (
    <>
      <PageHeading
        title={i18n.t('content.title')}
        description={
          tenant()
            ? i18n.t('content.intro', { portal: tenantName(tenant()!, i18n.locale()) })
            : undefined
        }
        actions={
          <Show when={canCreate()}>
            <button
              type="button"
              class="button button--primary"
              aria-haspopup="dialog"
              onClick={() => setTypeChoiceOpen(true)}
            >
              {i18n.t('editor.create.button')}
            </button>
          </Show>
        }
      />
      <Show when={isTypeChoiceOpen()}>
        <Dialog
          title={i18n.t('editor.create.title')}
          description={i18n.t('editor.create.intro')}
          onClose={() => setTypeChoiceOpen(false)}
          isWide
        >
          <NewItemTypeList onChoose={() => setTypeChoiceOpen(false)} />
        </Dialog>
      </Show>
      <Show when={items.error}>
        <ErrorNotice error={items.error} onRetry={() => void refetch()} />
      </Show>
      <section class="panel">
        <div class="toolbar" role="search" aria-label={i18n.t('content.filters')}>
          <SelectField
            label={i18n.t('content.type')}
            value={filters().type ?? ''}
            emptyLabel={i18n.t('content.allTypes')}
            options={contentTypeNames.map((type) => ({
              value: type,
              label: i18n.t(contentTypeLabel(type)),
            }))}
            onChange={(value) => setFilter('loai', value)}
          />
          <SelectField
            label={i18n.t('content.status')}
            value={filters().status ?? ''}
            emptyLabel={i18n.t('content.allStatuses')}
            options={workflowStateNames.map((state) => ({
              value: state,
              label: i18n.t(workflowStateLabel(state)),
            }))}
            onChange={(value) => setFilter('tinh-trang', value)}
          />
          <SelectField
            label={i18n.t('content.category')}
            value={filters().categoryId ?? ''}
            emptyLabel={i18n.t('content.allCategories')}
            options={categoryList().map((category) => ({
              value: category.id,
              label: i18n.locale() === 'en' && category.nameEn ? category.nameEn : category.nameVi,
            }))}
            onChange={(value) => setFilter('chuyen-muc', value)}
          />
          <p class="muted toolbar__count" role="status">
            {items.loading ? i18n.t('common.loading') : i18n.t('content.count', { count: total() })}
          </p>
        </div>
        <Show
          when={rows().length > 0}
          fallback={
            <Show when={!items.loading && !items.error}>
              <p class="empty">{i18n.t('content.empty')}</p>
            </Show>
          }
        >
          <div class="table-wrap">
            <table class="table table--stack">
              <caption class="visually-hidden">{i18n.t('content.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{i18n.t('content.itemTitle')}</th>
                  <th scope="col">{i18n.t('content.type')}</th>
                  <th scope="col">{i18n.t('content.status')}</th>
                  <th scope="col">{i18n.t('content.category')}</th>
                  <th scope="col">{i18n.t('content.updated')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(item) => (
                    <tr>
                      <th scope="row" data-label={i18n.t('content.itemTitle')}>
                        <A class="table__name" href={contentItemPath(item.id)}>
                          {item.titleVi}
                        </A>
                        <Show when={item.slug}>
                          <span class="table__sub">{item.slug}</span>
                        </Show>
                      </th>
                      <td data-label={i18n.t('content.type')}>
                        {i18n.t(contentTypeLabel(item.type))}
                      </td>
                      <td data-label={i18n.t('content.status')}>
                        <span class="badge">{i18n.t(workflowStateLabel(item.status))}</span>
                      </td>
                      <td data-label={i18n.t('content.category')}>
                        {categoryName(item.categoryId)}
                      </td>
                      <td data-label={i18n.t('content.updated')}>
                        {i18n.formatDateTime(item.updatedAt)}
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
        <Pager page={filters().page} pageCount={pageCount()} onPage={goToPage} />
      </section>
    </>
  );
}
