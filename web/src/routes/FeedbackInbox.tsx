import { A, useHref, useResolvedPath, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, Show } from 'solid-js';

import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { tenantName } from '../components/tenant-name.ts';
import { CaseFilters, type CaseFilterName } from '../feedback/CaseFilters.tsx';
import { Pager } from '../components/Pager.tsx';
import { CaseTable } from '../feedback/CaseTable.tsx';
import {
  isFeedbackState,
  isFeedbackTopic,
  type CaseList,
  type PortalName,
} from '../feedback/feedback-names.ts';
import { paths } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';
import '../styles/feedback.css';

export const feedbackPageSize = 20;

/**
 * The inbox's query parameters: `tinh-trang` (state), `chu-de` (topic), `don-vi` (responsible
 * unit), `qua-han` (overdue only), `tu-ngay` and `den-ngay` (received dates), `trang` (page).
 */
type InboxParams = {
  'tinh-trang'?: string;
  'chu-de'?: string;
  'don-vi'?: string;
  'qua-han'?: string;
  'tu-ngay'?: string;
  'den-ngay'?: string;
  trang?: string;
};

const paramOf: Record<CaseFilterName, keyof InboxParams> = {
  status: 'tinh-trang',
  topic: 'chu-de',
  responsibleTenantId: 'don-vi',
  isOverdue: 'qua-han',
  receivedFrom: 'tu-ngay',
  receivedTo: 'den-ngay',
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const dateOrUndefined = (value: string | undefined) =>
  value && datePattern.test(value) ? value : undefined;

/** Lists the current portal's feedback cases, filtered from the address, nearest deadline first. */
export default function FeedbackInbox() {
  const { api, scope, i18n } = useApp();
  const [params, setParams] = useSearchParams<InboxParams>();
  const tenant = () => scope.current();

  // Unknown values in the address are ignored rather than sent, so a stale link still opens.
  const filters = createMemo(() => {
    const page = Number.parseInt(params.trang ?? '1', 10);
    const unit = params['don-vi'] ?? '';
    return {
      status: isFeedbackState(params['tinh-trang']) ? params['tinh-trang'] : undefined,
      topic: isFeedbackTopic(params['chu-de']) ? params['chu-de'] : undefined,
      responsibleTenantId: uuidPattern.test(unit) ? unit : undefined,
      isOverdue: params['qua-han'] === '1',
      receivedFrom: dateOrUndefined(params['tu-ngay']),
      receivedTo: dateOrUndefined(params['den-ngay']),
      page: Number.isInteger(page) && page >= 1 ? page : 1,
    };
  });

  const [list, { refetch }] = createResource(
    () => {
      const tenantId = tenant()?.id;
      return tenantId ? { tenantId, ...filters() } : undefined;
    },
    async ({ isOverdue, ...query }) => {
      const result = await api.call(
        api.client.GET('/feedback/cases', {
          params: {
            query: {
              ...query,
              ...(isOverdue ? { overdue: 'true' as const } : {}),
              pageSize: feedbackPageSize,
            },
          },
        }),
      );
      return result as unknown as CaseList;
    },
  );

  const rows = () => (list.error ? [] : (list.latest?.cases ?? []));
  const total = () => (list.error ? 0 : (list.latest?.total ?? 0));
  const units = (): PortalName[] => (list.error ? [] : (list.latest?.units ?? []));
  const unitName = (tenantId: string) => {
    const unit = units().find((candidate) => candidate.id === tenantId);
    return unit ? tenantName(unit, i18n.locale()) : '—';
  };
  // A changed filter starts again from the first page.
  const setFilter = (name: CaseFilterName, value: string) =>
    setParams({ [paramOf[name]]: value || undefined, trang: undefined });
  const goToPage = (page: number) => setParams({ trang: page > 1 ? String(page) : undefined });
  // A plain link, because the router's <A> compares paths only and would mark this link as the
  // current page on the unfiltered inbox too. The router still handles its clicks.
  const overdueHref = useHref(useResolvedPath(() => `${paths.feedback}?qua-han=1`));

  return (
    <>
      <PageHeading
        title={i18n.t('feedback.inboxTitle')}
        description={
          tenant()
            ? i18n.t('feedback.inboxIntro', { portal: tenantName(tenant()!, i18n.locale()) })
            : undefined
        }
        actions={
          <>
            <a
              class="button button--secondary"
              href={overdueHref()}
              aria-current={filters().isOverdue ? 'page' : undefined}
            >
              {i18n.t('feedback.overdueLink')}
            </a>
            <A class="button button--secondary" href={paths.feedbackStatistics}>
              {i18n.t('feedback.statisticsLink')}
            </A>
          </>
        }
      />
      <Show when={list.error}>
        <ErrorNotice error={list.error} onRetry={() => void refetch()} />
      </Show>
      <section class="panel">
        <CaseFilters values={filters()} units={units()} onChange={setFilter} />
        <p class="muted toolbar__count" role="status">
          {list.loading ? i18n.t('common.loading') : i18n.t('feedback.count', { count: total() })}
        </p>
        <Show
          when={rows().length > 0}
          fallback={
            <Show when={!list.loading && !list.error}>
              <p class="empty">{i18n.t('feedback.empty')}</p>
            </Show>
          }
        >
          <CaseTable cases={rows()} unitName={unitName} />
        </Show>
        <Pager
          label={i18n.t('feedback.pages')}
          page={filters().page}
          pageCount={Math.max(1, Math.ceil(total() / feedbackPageSize))}
          onPage={goToPage}
        />
      </section>
    </>
  );
}
