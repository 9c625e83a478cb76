import { useSearchParams } from '@solidjs/router';
import { createMemo, createResource, For, Show } from 'solid-js';

import type { components } from '../api/schema.d.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import type { MessageKey } from '../i18n/create-i18n.ts';
import { useApp } from '../stores/app-context.tsx';
import { foldForSearch } from '../stores/create-tenant-scope.ts';

import '../styles/portals.css';

export type DirectoryEntry = components['schemas']['TenantDirectory']['tenants'][number];
type PortalKind = DirectoryEntry['kind'];

const portalKinds: readonly PortalKind[] = ['main', 'hosted', 'independent'];

/** The list's query parameters: `tim` (search text) and `loai` (portal type). */
type DirectoryParams = { tim?: string; loai?: string };

/** Lists every portal the user may see with its domains, operator and status, for the board. */
export default function Portals() {
  const { api, i18n } = useApp();
  const [params, setParams] = useSearchParams<DirectoryParams>();
  const [directory, { refetch }] = createResource(async () => {
    const result = await api.call(api.client.GET('/tenants/directory'));
    return result.tenants;
  });

  const kind = () =>
    portalKinds.includes(params.loai as PortalKind) ? (params.loai as PortalKind) : undefined;
  const all = () => (directory.error ? [] : (directory.latest ?? []));
  const shown = createMemo(() => {
    const query = foldForSearch(params.tim?.trim() ?? '');
    return all().filter((entry) => {
      if (kind() && entry.kind !== kind()) {
        return false;
      }
      const haystack = [
        entry.nameVi,
        entry.nameEn ?? '',
        entry.abbreviation,
        entry.slug,
        ...entry.domains.map((domain) => domain.hostname),
      ].join(' ');
      return query === '' || foldForSearch(haystack).includes(query);
    });
  });
  const nameOf = (entry: DirectoryEntry) =>
    i18n.locale() === 'en' && entry.nameEn ? entry.nameEn : entry.nameVi;
  // Links keep the admin's own scheme and port, so a local demo opens the local portals.
  const hostLink = (hostname: string) =>
    `${window.location.protocol}//${hostname}${window.location.port ? `:${window.location.port}` : ''}/`;

  return (
    <>
      <PageHeading title={i18n.t('portals.title')} description={i18n.t('portals.intro')} />
      <Show when={directory.error}>
        <ErrorNotice error={directory.error} onRetry={() => void refetch()} />
      </Show>
      <section class="panel">
        <p class="notice notice--info">{i18n.t('portals.howToChange')}</p>
        <div class="toolbar" role="search" aria-label={i18n.t('portals.filters')}>
          <TextField
            type="search"
            label={i18n.t('portals.search')}
            value={params.tim ?? ''}
            onInput={(value) => setParams({ tim: value || undefined }, { replace: true })}
          />
          <SelectField
            label={i18n.t('portals.kind')}
            value={kind() ?? ''}
            emptyLabel={i18n.t('portals.allKinds')}
            options={portalKinds.map((value) => ({
              value,
              label: i18n.t(`portals.kind.${value}` as MessageKey),
            }))}
            onChange={(value) => setParams({ loai: value || undefined })}
          />
          <p class="muted toolbar__count" role="status">
            {directory.loading
              ? i18n.t('common.loading')
              : i18n.t('portals.count', { count: shown().length, total: all().length })}
          </p>
        </div>
        <Show
          when={shown().length > 0}
          fallback={
            <Show when={!directory.loading && !directory.error}>
              <p class="empty">{i18n.t('portals.empty')}</p>
            </Show>
          }
        >
          <div class="table-wrap">
            <table class="table table--stack">
              <caption class="visually-hidden">{i18n.t('portals.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{i18n.t('portals.name')}</th>
                  <th scope="col">{i18n.t('portals.domains')}</th>
                  <th scope="col">{i18n.t('portals.operator')}</th>
                  <th scope="col">{i18n.t('portals.status')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={shown()}>
                  {(entry) => (
                    <tr>
                      <th scope="row" data-label={i18n.t('portals.name')}>
                        <span class="table__name">{nameOf(entry)}</span>
                        <span class="table__sub">
                          {entry.abbreviation} ·{' '}
                          {i18n.t(`portals.kind.${entry.kind}` as MessageKey)}
                        </span>
                      </th>
                      <td data-label={i18n.t('portals.domains')}>
                        <ul class="domain-list">
                          <For each={entry.domains}>
                            {(domain) => (
                              <li>
                                <a href={hostLink(domain.hostname)} rel="noopener" target="_blank">
                                  {domain.hostname}
                                </a>
                                <Show when={domain.isCanonical}>
                                  {' '}
                                  <span class="badge">{i18n.t('portals.canonical')}</span>
                                </Show>
                              </li>
                            )}
                          </For>
                        </ul>
                        <Show when={entry.externalUrl}>
                          {(url) => (
                            <span class="table__sub">
                              {i18n.t('portals.externalUrl', { url: url() })}
                            </span>
                          )}
                        </Show>
                      </td>
                      <td data-label={i18n.t('portals.operator')}>
                        {i18n.locale() === 'en' && entry.operator.agency.en
                          ? entry.operator.agency.en
                          : entry.operator.agency.vi}
                        <span class="table__sub">
                          {entry.operator.responsiblePerson} · {entry.operator.phone} ·{' '}
                          {entry.operator.email}
                        </span>
                      </td>
                      <td data-label={i18n.t('portals.status')}>
                        <span
                          class="badge"
                          classList={{ 'badge--warning': entry.status === 'suspended' }}
                        >
                          {i18n.t(`portals.status.${entry.status}` as MessageKey)}
                        </span>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
    </>
  );
}
