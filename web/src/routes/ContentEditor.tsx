import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch, untrack } from 'solid-js';

import { ApiError } from '../api/api-error.ts';
import type { Tenant } from '../api/client.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { isContentType, type ContentType } from '../content/content-names.ts';
import { fetchCategories, fetchItemDetail } from '../content/editor/editor-api.ts';
import { emptyFormValues, formValuesFrom } from '../content/editor/item-form-values.ts';
import type { EditorCategory } from '../content/editor/item-types.ts';
import { ItemWorkspace } from '../content/editor/ItemWorkspace.tsx';
import { NewItemTypeList } from '../content/editor/NewItemTypeList.tsx';
import { contentItemPath, paths } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';

type ItemPageProps = { tenant: Tenant; categories: () => readonly EditorCategory[] };

/** Opens a new item of the type in `?loai=`, or lists the types when that is not a known one. */
function NewItem(props: ItemPageProps & { type: ContentType | undefined }) {
  const { i18n } = useApp();
  const navigate = useNavigate();

  return (
    <Show
      when={props.type}
      keyed
      fallback={
        <>
          <PageHeading title={i18n.t('editor.chooseType')} />
          <section class="panel">
            <NewItemTypeList />
          </section>
        </>
      }
    >
      {(type) => (
        <ItemWorkspace
          tenant={props.tenant}
          type={type}
          detail={undefined}
          categories={props.categories()}
          initial={emptyFormValues(type)}
          onCreated={(itemId) => navigate(contentItemPath(itemId), { replace: true })}
          onRefresh={async () => {}}
          onReload={() => {}}
        />
      )}
    </Show>
  );
}

/** Loads an existing item and edits it; the form starts over after a reload. */
function ExistingItem(props: ItemPageProps & { itemId: string }) {
  const { api, i18n } = useApp();
  const [detail, { refetch }] = createResource(
    () => ({ tenantId: props.tenant.id, itemId: props.itemId }),
    (query) => fetchItemDetail(api, query.tenantId, query.itemId),
  );
  const [generation, setGeneration] = createSignal(1);
  const isNotFound = () => detail.error instanceof ApiError && detail.error.code === 'not_found';

  return (
    <Switch fallback={<p class="muted">{i18n.t('common.loading')}</p>}>
      <Match when={detail.error && !detail.latest}>
        <PageHeading title={i18n.t(isNotFound() ? 'editor.notFound' : 'editor.loadFailed')} />
        <Show
          when={isNotFound()}
          fallback={<ErrorNotice error={detail.error} onRetry={() => void refetch()} />}
        >
          <p>{i18n.t('editor.notFoundText')}</p>
        </Show>
        <p>
          <A href={paths.content}>{i18n.t('editor.backToList')}</A>
        </p>
      </Match>
      <Match when={detail.latest}>
        {(loaded) => (
          <>
            <Show when={detail.error}>
              <ErrorNotice error={detail.error} onRetry={() => void refetch()} />
            </Show>
            <Show when={generation()} keyed>
              <ItemWorkspace
                tenant={props.tenant}
                type={loaded().item.type}
                detail={loaded()}
                categories={props.categories()}
                initial={untrack(() =>
                  formValuesFrom(loaded().item.type, loaded().currentRevision!, loaded().item),
                )}
                onCreated={() => {}}
                onRefresh={async () => {
                  await refetch();
                }}
                onReload={() => {
                  void Promise.resolve(refetch()).then(() => setGeneration((count) => count + 1));
                }}
              />
            </Show>
          </>
        )}
      </Match>
    </Switch>
  );
}

/**
 * Edits a content item on the portal chosen in the top bar: a new one at
 * `/noi-dung/moi?loai=<type>` and an existing one at `/noi-dung/<itemId>`.
 */
export default function ContentEditor() {
  const { api, scope, i18n } = useApp();
  const params = useParams<{ itemId?: string }>();
  const [search] = useSearchParams<{ loai?: string }>();
  const [categories] = createResource(
    () => scope.current()?.id,
    (tenantId) => fetchCategories(api, tenantId),
  );
  const categoryList = () => (categories.error ? [] : (categories.latest ?? []));
  const newType = () => (isContentType(search.loai) ? search.loai : undefined);

  return (
    <Show when={scope.current()} keyed fallback={<p class="muted">{i18n.t('common.loading')}</p>}>
      {(tenant) => (
        <Show
          when={params.itemId}
          keyed
          fallback={<NewItem tenant={tenant} type={newType()} categories={categoryList} />}
        >
          {(itemId) => <ExistingItem tenant={tenant} itemId={itemId} categories={categoryList} />}
        </Show>
      )}
    </Show>
  );
}
