import { createSignal } from 'solid-js';

import { ApiError } from '../../api/api-error.ts';
import type { ApiClient, Tenant } from '../../api/client.ts';
import type { I18n } from '../../i18n/create-i18n.ts';
import type { PickedMedia } from '../../media/MediaPicker.tsx';
import { createDraft, draftSnapshot } from '../../stores/create-draft.ts';
import type { ContentType } from '../content-names.ts';
import { createItem, fetchMediaNames, saveItem } from './editor-api.ts';
import {
  mediaIdsOf,
  revisionInputFrom,
  savedContentKey,
  type FieldValue,
  type ItemFormValues,
} from './item-form-values.ts';
import type { SaveConflict } from './item-types.ts';
import { problemsFromServer, validateItemForm, type FormProblems } from './validate-item.ts';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'invalid' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'conflict'; conflict: SaveConflict };

export type ItemEditorOptions = {
  api: ApiClient;
  i18n: I18n;
  tenant: Tenant;
  userId: string;
  type: ContentType;
  /** The item being edited; undefined until a new item is first saved. */
  itemId: string | undefined;
  /** The saved state the form starts from; a stored draft is laid over it. */
  initial: ItemFormValues;
  onCreated: (itemId: string) => void;
  /** Called after a save and after a conflict: either way the item has a new revision. */
  onRevisionsChanged: () => void;
  storage?: Storage;
};

/** Builds the key of an item form's local draft, which `clearUserDrafts` removes at sign-out. */
export function itemDraftKey(userId: string, tenantId: string, itemOrType: string) {
  return `${userId}.content-item.${tenantId}.${itemOrType}`;
}

/**
 * Creates the store of one item form: the values (kept as a local draft while typed), the save
 * state shown beside the Save button, and the save itself. A save names the revision the text
 * was edited from, so a newer revision saved meanwhile comes back as a conflict and the text
 * on screen stays as typed.
 */
export function createItemEditor(options: ItemEditorOptions) {
  const draft = createDraft<ItemFormValues>({
    key: itemDraftKey(options.userId, options.tenant.id, options.itemId ?? `new-${options.type}`),
    initial: options.initial,
    storage: options.storage,
  });
  const [savedKey, setSavedKey] = createSignal(savedContentKey(options.initial));
  const [state, setState] = createSignal<SaveState>({ kind: 'idle' });
  const [problems, setProblems] = createSignal<FormProblems>({});
  // File names by media id, for showing the chosen files; they are not part of the revision.
  const [mediaNames, setMediaNames] = createSignal<Record<string, string>>({});

  const isDirty = () => savedContentKey(draft.values) !== savedKey();

  const setField = <K extends keyof ItemFormValues>(name: K, value: ItemFormValues[K]) => {
    draft.setValues(name, value as never);
    if (problems()[name as string]) {
      setProblems(({ [name as string]: _solved, ...rest }) => rest);
    }
  };

  const setTypeField = (name: string, value: FieldValue) => {
    draft.setValues('fields', name, value);
  };

  const rememberMedia = (picked: PickedMedia[]) => {
    setMediaNames((names) => ({
      ...names,
      ...Object.fromEntries(picked.map((media) => [media.id, media.fileName])),
    }));
  };

  const ids = mediaIdsOf(draft.values.fields);
  if (ids.length > 0) {
    void fetchMediaNames(options.api, options.tenant.id)
      .then((names) => setMediaNames((known) => ({ ...names, ...known })))
      .catch(() => {
        // Without names the files are shown by their ids; nothing else depends on them.
      });
  }

  const markSaved = (values: ItemFormValues, revisionId: string, slug: string | null) => {
    const isUnchangedSince = savedContentKey(draft.values) === savedContentKey(values);
    const saved = { ...values, baseRevisionId: revisionId, slug: slug ?? values.slug };
    draft.setValues('baseRevisionId', revisionId);
    if (slug && draft.values.slug === values.slug) {
      draft.setValues('slug', slug);
    }
    setSavedKey(savedContentKey(saved));
    // Text typed while the request ran is not saved yet, so it stays in the local draft.
    if (isUnchangedSince) {
      draft.commit();
    }
  };

  const fail = (error: unknown) => {
    setState({ kind: 'failed', error });
    if (error instanceof ApiError) {
      setProblems(problemsFromServer(error.fields, options.i18n.t));
    }
  };

  /** Checks the form and marks its problems; returns whether it may be sent. */
  const checkForm = (): boolean => {
    const found = validateItemForm(options.type, draftSnapshot(draft), options.i18n.t);
    setProblems(found);

    return Object.keys(found).length === 0;
  };

  /** Saves the form; resolves to whether the text on screen is now saved. */
  const save = async (): Promise<boolean> => {
    if (state().kind === 'saving') {
      return false;
    }
    if (!checkForm()) {
      setState({ kind: 'invalid' });
      return false;
    }
    const values = draftSnapshot(draft);

    setState({ kind: 'saving' });
    const input = revisionInputFrom(options.type, values);
    try {
      if (!options.itemId) {
        const created = await createItem(options.api, options.tenant.id, options.type, input);
        draft.clear();
        setState({ kind: 'saved', at: new Date() });
        options.onCreated(created.itemId);
        return true;
      }
      const outcome = await saveItem(options.api, options.tenant.id, options.itemId, {
        ...input,
        baseRevisionId: values.baseRevisionId ?? '',
      });
      if (outcome.kind === 'conflict') {
        setState({ kind: 'conflict', conflict: outcome.conflict });
        options.onRevisionsChanged();
        return false;
      }
      markSaved(values, outcome.revisionId, outcome.slug);
      setState({ kind: 'saved', at: new Date() });
      options.onRevisionsChanged();
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  };

  /**
   * Saves the text on screen as the newest revision after the user has seen the newer one:
   * the save names that revision as its base, so it succeeds unless yet another one appeared.
   */
  const saveOverNewer = async () => {
    const current = state();
    if (current.kind !== 'conflict' || !current.conflict.currentRevisionId) {
      return false;
    }
    draft.setValues('baseRevisionId', current.conflict.currentRevisionId);

    return save();
  };

  /**
   * Takes the category a workflow step set on the server (classifying sets it), unless the
   * user has chosen another one on screen since `previous` was loaded.
   */
  const adoptServerCategory = (categoryId: string, previous: string) => {
    if (draft.values.categoryId !== previous || previous === categoryId) {
      return;
    }
    const wasClean = !isDirty();
    draft.setValues('categoryId', categoryId);
    setSavedKey(JSON.stringify({ ...JSON.parse(savedKey()), categoryId }));
    if (wasClean) {
      draft.commit();
    }
  };

  /** Saves first when the text on screen has changed; resolves to whether it is saved. */
  const saveIfChanged = async () => (isDirty() ? save() : state().kind !== 'conflict');

  return {
    values: draft.values,
    setField,
    setTypeField,
    rememberMedia,
    mediaNames,
    wasRestored: draft.wasRestored,
    /** Forgets the local draft and puts back the values the form was loaded with. */
    discardDraft: () => {
      draft.clear();
      setProblems({});
      setState({ kind: 'idle' });
    },
    state,
    problems,
    isDirty,
    checkForm,
    save,
    saveOverNewer,
    saveIfChanged,
    adoptServerCategory,
  };
}

export type ItemEditor = ReturnType<typeof createItemEditor>;
