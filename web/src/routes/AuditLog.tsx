import { useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';

import { canOnPlatform, canOnTenant } from '../access/access.ts';
import type { components } from '../api/schema.d.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { tenantName } from '../components/tenant-name.ts';
import type { MessageKey } from '../i18n/create-i18n.ts';
import { useApp } from '../stores/app-context.tsx';

import '../styles/audit.css';

export type AuditEntry = components['schemas']['AuditPage']['entries'][number];
export type SecurityEvent = components['schemas']['SecurityEventList']['events'][number];

const eventTypes = [
  'login_succeeded',
  'login_failed',
  'login_throttled',
  'second_factor_failed',
  'second_factor_succeeded',
  'recovery_code_used',
  'recovery_code_rejected',
  'csrf_rejected',
  'session_revoked',
  'password_changed',
  'password_reset_used',
] as const;

const pageSize = 50;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The query parameters: `xem` (`an-ninh` for security events), `chuoi` (`he-thong` for the
 * platform chain), `thao-tac` (action), `tu`/`den` (dates), `loai` and `email` (security events).
 */
type AuditParams = {
  xem?: string;
  chuoi?: string;
  'thao-tac'?: string;
  tu?: string;
  den?: string;
  loai?: string;
  email?: string;
};

/** Turns a date from the filter into the start or end of that day in Vietnam (UTC+7). */
function dayBoundary(date: string | undefined, edge: 'start' | 'end'): string | undefined {
  if (!date || !datePattern.test(date)) {
    return undefined;
  }
  return edge === 'start' ? `${date}T00:00:00+07:00` : `${date}T23:59:59.999+07:00`;
}

function formatJson(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);
}

/**
 * Shows the audit trail of the current portal or of the platform, with the state of its hash
 * chain, and the security events for those allowed to read them.
 */
export default function AuditLog() {
  const { api, session, scope, i18n } = useApp();
  const [params, setParams] = useSearchParams<AuditParams>();
  const me = () => session.me();
  const tenant = () => scope.current();
  const mayReadPlatform = () => canOnPlatform(me(), 'audit.read');
  const mayReadPortal = () => canOnTenant(me(), 'audit.read', tenant());
  const mayReadSecurity = () => canOnPlatform(me(), 'security_event.read');
  const showsSecurity = () => params.xem === 'an-ninh' && mayReadSecurity();
  const isPlatformChain = () =>
    mayReadPlatform() && (params.chuoi === 'he-thong' || !mayReadPortal());

  const auditQuery = createMemo(() => {
    // Until the portals are loaded and one is chosen, the choice of chain is not known yet.
    const portals = scope.list();
    if (showsSecurity() || !portals || (portals.length > 0 && !tenant())) {
      return undefined;
    }
    const tenantId = isPlatformChain() ? undefined : tenant()?.id;
    if (!isPlatformChain() && !tenantId) {
      return undefined;
    }
    return {
      tenantId,
      action: params['thao-tac']?.trim() || undefined,
      from: dayBoundary(params.tu, 'start'),
      to: dayBoundary(params.den, 'end'),
    };
  });
  // Older pages are appended below. A changed filter starts from the newest entries again.
  const [olderEntries, setOlderEntries] = createSignal<AuditEntry[]>([]);
  const [hasOlder, setHasOlder] = createSignal(true);
  const [audit, { refetch: refetchAudit }] = createResource(auditQuery, async (query) => {
    setOlderEntries([]);
    setHasOlder(true);
    return api.call(api.client.GET('/audit', { params: { query: { ...query, limit: pageSize } } }));
  });
  const entries = () => [...(audit.error ? [] : (audit.latest?.entries ?? [])), ...olderEntries()];
  const [isLoadingOlder, setLoadingOlder] = createSignal(false);
  const loadOlder = async () => {
    const query = auditQuery();
    const last = entries().at(-1);
    if (!query || !last) {
      return;
    }
    setLoadingOlder(true);
    try {
      const page = await api.call(
        api.client.GET('/audit', {
          params: { query: { ...query, before: last.id, limit: pageSize } },
        }),
      );
      setOlderEntries([...olderEntries(), ...page.entries]);
      setHasOlder(page.entries.length === pageSize);
    } finally {
      setLoadingOlder(false);
    }
  };

  const securityQuery = createMemo(() =>
    showsSecurity()
      ? {
          type: eventTypes.find((type) => type === params.loai),
          email: params.email?.trim() || undefined,
          from: dayBoundary(params.tu, 'start'),
          to: dayBoundary(params.den, 'end'),
        }
      : undefined,
  );
  const [security, { refetch: refetchSecurity }] = createResource(securityQuery, (query) =>
    api.call(api.client.GET('/security-events', { params: { query: { ...query, limit: 200 } } })),
  );

  const setFilter = (name: keyof AuditParams, value: string) =>
    setParams({ [name]: value || undefined }, { replace: true });
  const portalLabel = () => {
    const current = tenant();
    return current ? tenantName(current, i18n.locale()) : '';
  };

  return (
    <>
      <PageHeading title={i18n.t('audit.title')} description={i18n.t('audit.intro')} />
      <Show when={mayReadSecurity()}>
        <nav class="audit-tabs" aria-label={i18n.t('audit.tabs')}>
          <button
            type="button"
            class="audit-tabs__tab"
            aria-pressed={!showsSecurity()}
            onClick={() => setParams({ xem: undefined, loai: undefined, email: undefined })}
          >
            {i18n.t('audit.tabEntries')}
          </button>
          <button
            type="button"
            class="audit-tabs__tab"
            aria-pressed={showsSecurity()}
            onClick={() => setParams({ xem: 'an-ninh', chuoi: undefined, 'thao-tac': undefined })}
          >
            {i18n.t('audit.tabSecurity')}
          </button>
        </nav>
      </Show>
      <Show
        when={showsSecurity()}
        fallback={
          <section class="panel">
            <div class="toolbar" role="search" aria-label={i18n.t('audit.tabEntries')}>
              <Show when={mayReadPlatform() && mayReadPortal()}>
                <SelectField
                  label={i18n.t('audit.chain')}
                  value={isPlatformChain() ? 'he-thong' : ''}
                  options={[
                    { value: '', label: i18n.t('audit.chainPortal', { portal: portalLabel() }) },
                    { value: 'he-thong', label: i18n.t('audit.chainPlatform') },
                  ]}
                  onChange={(value) => setFilter('chuoi', value)}
                />
              </Show>
              <TextField
                label={i18n.t('audit.action')}
                hint={i18n.t('audit.actionHint')}
                value={params['thao-tac'] ?? ''}
                onInput={(value) => setFilter('thao-tac', value)}
                spellcheck={false}
              />
              <TextField
                type="date"
                label={i18n.t('audit.from')}
                value={params.tu ?? ''}
                onInput={(value) => setFilter('tu', value)}
              />
              <TextField
                type="date"
                label={i18n.t('audit.to')}
                value={params.den ?? ''}
                onInput={(value) => setFilter('den', value)}
              />
            </div>
            <Show when={audit.error}>
              <ErrorNotice error={audit.error} onRetry={() => void refetchAudit()} />
            </Show>
            <Show when={!audit.error && audit.latest}>
              {(page) => (
                <Show
                  when={page().chain.isIntact}
                  fallback={
                    <p class="notice notice--error" role="alert">
                      {i18n.t('audit.broken', { id: page().chain.firstBrokenId ?? '?' })}
                    </p>
                  }
                >
                  <p class="notice notice--success">{i18n.t('audit.intact')}</p>
                </Show>
              )}
            </Show>
            <p class="muted" role="status">
              {audit.loading
                ? i18n.t('common.loading')
                : i18n.t('audit.shown', { count: entries().length })}
            </p>
            <Show
              when={entries().length > 0}
              fallback={
                <Show when={!audit.loading && !audit.error}>
                  <p class="empty">{i18n.t('audit.empty')}</p>
                </Show>
              }
            >
              <div class="table-wrap">
                <table class="table table--stack audit-table">
                  <caption class="visually-hidden">{i18n.t('audit.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{i18n.t('audit.time')}</th>
                      <th scope="col">{i18n.t('audit.actor')}</th>
                      <th scope="col">{i18n.t('audit.action')}</th>
                      <th scope="col">{i18n.t('audit.resource')}</th>
                      <th scope="col">{i18n.t('audit.address')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={entries()}>
                      {(entry) => (
                        <tr>
                          <th scope="row" data-label={i18n.t('audit.time')}>
                            <time datetime={entry.occurredAt}>
                              {i18n.formatDateTime(entry.occurredAt)}
                            </time>
                            <span class="table__sub">#{entry.id}</span>
                          </th>
                          <td data-label={i18n.t('audit.actor')}>
                            {entry.actorName ?? i18n.t('audit.system')}
                            <Show when={entry.actorEmail}>
                              <span class="table__sub">{entry.actorEmail}</span>
                            </Show>
                          </td>
                          <td data-label={i18n.t('audit.action')}>
                            <code>{entry.action}</code>
                            <Show when={entry.before !== null || entry.after !== null}>
                              <details class="audit-table__details">
                                <summary>{i18n.t('audit.details')}</summary>
                                <p class="audit-table__label">{i18n.t('audit.before')}</p>
                                <pre>{formatJson(entry.before)}</pre>
                                <p class="audit-table__label">{i18n.t('audit.after')}</p>
                                <pre>{formatJson(entry.after)}</pre>
                              </details>
                            </Show>
                          </td>
                          <td data-label={i18n.t('audit.resource')}>
                            {entry.resourceType ?? '—'}
                            <Show when={entry.resourceId}>
                              <span class="table__sub">{entry.resourceId}</span>
                            </Show>
                          </td>
                          <td data-label={i18n.t('audit.address')}>{entry.ipAddress ?? '—'}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <Show when={hasOlder() && entries().length >= pageSize}>
                <button
                  type="button"
                  class="button button--secondary"
                  disabled={isLoadingOlder()}
                  onClick={() => void loadOlder()}
                >
                  {isLoadingOlder() ? i18n.t('common.loading') : i18n.t('audit.older')}
                </button>
              </Show>
            </Show>
          </section>
        }
      >
        <section class="panel">
          <div class="toolbar" role="search" aria-label={i18n.t('audit.tabSecurity')}>
            <SelectField
              label={i18n.t('audit.eventType')}
              value={params.loai ?? ''}
              emptyLabel={i18n.t('audit.allEventTypes')}
              options={eventTypes.map((type) => ({
                value: type,
                label: i18n.t(`audit.event.${type}` as MessageKey),
              }))}
              onChange={(value) => setFilter('loai', value)}
            />
            <TextField
              type="email"
              label={i18n.t('audit.email')}
              value={params.email ?? ''}
              onInput={(value) => setFilter('email', value)}
            />
            <TextField
              type="date"
              label={i18n.t('audit.from')}
              value={params.tu ?? ''}
              onInput={(value) => setFilter('tu', value)}
            />
            <TextField
              type="date"
              label={i18n.t('audit.to')}
              value={params.den ?? ''}
              onInput={(value) => setFilter('den', value)}
            />
          </div>
          <Show when={security.error}>
            <ErrorNotice error={security.error} onRetry={() => void refetchSecurity()} />
          </Show>
          <Show
            when={(security.latest?.events.length ?? 0) > 0 && !security.error}
            fallback={
              <Show when={!security.loading && !security.error}>
                <p class="empty">{i18n.t('audit.empty')}</p>
              </Show>
            }
          >
            <div class="table-wrap">
              <table class="table table--stack">
                <caption class="visually-hidden">{i18n.t('audit.securityCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{i18n.t('audit.time')}</th>
                    <th scope="col">{i18n.t('audit.eventType')}</th>
                    <th scope="col">{i18n.t('audit.email')}</th>
                    <th scope="col">{i18n.t('audit.address')}</th>
                    <th scope="col">{i18n.t('audit.userAgent')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={security.latest?.events ?? []}>
                    {(event: SecurityEvent) => (
                      <tr>
                        <th scope="row" data-label={i18n.t('audit.time')}>
                          <time datetime={event.occurredAt}>
                            {i18n.formatDateTime(event.occurredAt)}
                          </time>
                        </th>
                        <td data-label={i18n.t('audit.eventType')}>
                          {(eventTypes as readonly string[]).includes(event.type)
                            ? i18n.t(`audit.event.${event.type}` as MessageKey)
                            : event.type}
                        </td>
                        <td data-label={i18n.t('audit.email')}>{event.email ?? '—'}</td>
                        <td data-label={i18n.t('audit.address')}>{event.ipAddress ?? '—'}</td>
                        <td data-label={i18n.t('audit.userAgent')}>
                          <span class="audit-table__agent">{event.userAgent ?? '—'}</span>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        </section>
      </Show>
    </>
  );
}
