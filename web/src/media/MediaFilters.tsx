import { createEffect, createSignal, createUniqueId, on, Show } from 'solid-js';

import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApp } from '../stores/app-context.tsx';
import { mediaKindLabel } from './media-labels.ts';
import { mediaKindNames, type MediaKindName } from './media-types.ts';

/** The library's filters; empty strings are "no filter". Days are `YYYY-MM-DD`. */
export type MediaFilterValues = {
  q: string;
  kind: MediaKindName | '';
  from: string;
  to: string;
};

export type MediaFiltersProps = {
  values: MediaFilterValues;
  onChange: (change: Partial<MediaFilterValues>) => void;
  /** Hides the kind filter, for a picker that offers one kind only. */
  isKindFixed?: boolean;
  /** Gives the search field focus when the dialog around it opens. */
  isSearchAutofocus?: boolean;
};

function DayField(props: { label: string; value: string; onChange: (value: string) => void }) {
  const id = createUniqueId();

  return (
    <div class="field media-filters__day">
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        class="field__input"
        type="date"
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
    </div>
  );
}

/**
 * The search by name and the kind and date filters. The search is sent when the form is
 * submitted, so each typed letter does not start a request.
 */
export function MediaFilters(props: MediaFiltersProps) {
  const { i18n } = useApp();
  const [query, setQuery] = createSignal(props.values.q);
  // A value changed from outside, such as going back in the history, replaces the typed one.
  createEffect(
    on(
      () => props.values.q,
      (q) => setQuery(q),
      { defer: true },
    ),
  );

  return (
    <div class="media-filters" role="search" aria-label={i18n.t('media.filters')}>
      <form
        class="media-filters__search"
        onSubmit={(event) => {
          event.preventDefault();
          props.onChange({ q: query().trim() });
        }}
      >
        <TextField
          label={i18n.t('media.search')}
          type="search"
          value={query()}
          onInput={setQuery}
          autocomplete="off"
          maxLength={200}
          isAutofocus={props.isSearchAutofocus}
        />
        <button type="submit" class="button button--secondary">
          {i18n.t('media.searchButton')}
        </button>
      </form>
      <Show when={!props.isKindFixed}>
        <SelectField
          label={i18n.t('media.kind')}
          value={props.values.kind}
          emptyLabel={i18n.t('media.allKinds')}
          options={mediaKindNames.map((kind) => ({
            value: kind,
            label: i18n.t(mediaKindLabel(kind)),
          }))}
          onChange={(value) => props.onChange({ kind: value as MediaKindName | '' })}
        />
      </Show>
      <DayField
        label={i18n.t('media.from')}
        value={props.values.from}
        onChange={(from) => props.onChange({ from })}
      />
      <DayField
        label={i18n.t('media.to')}
        value={props.values.to}
        onChange={(to) => props.onChange({ to })}
      />
    </div>
  );
}
