import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import { createStore, reconcile, unwrap, type SetStoreFunction } from 'solid-js/store';

const prefix = 'admin.draft.';

export type DraftOptions<T extends object> = {
  /** The form and, where it matters, what it edits: `<userId>.add-member.<tenantId>`. */
  key: string;
  initial: T;
  storage?: Storage | undefined;
};

export type Draft<T extends object> = {
  values: T;
  setValues: SetStoreFunction<T>;
  /** Whether the form shows what was typed last time; false again after `clear()`. */
  wasRestored: Accessor<boolean>;
  /** Forgets the draft after a successful save, and empties the form. */
  clear: () => void;
  /** Forgets the draft after a successful save but keeps the values, now the saved state. */
  commit: () => void;
};

function readDraft<T>(storage: Storage | undefined, key: string): T | undefined {
  try {
    const text = storage?.getItem(prefix + key);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates a form's values, kept in localStorage as they are typed so that a failed save, an
 * ended session or a closed tab loses nothing. Call it inside a component or `createRoot`.
 * Never use it for passwords or codes: they must not be written to disk.
 */
export function createDraft<T extends object>(options: DraftOptions<T>): Draft<T> {
  const storage = options.storage ?? globalThis.localStorage;
  const stored = readDraft<T>(storage, options.key);
  const [values, setValues] = createStore<T>(
    structuredClone(stored ? { ...options.initial, ...stored } : options.initial),
  );
  let untouched = JSON.stringify(options.initial);
  const [wasRestored, setRestored] = createSignal(stored !== undefined);

  const remove = () => {
    try {
      storage?.removeItem(prefix + options.key);
    } catch {
      // Nothing kept to remove.
    }
  };

  createEffect(
    on(
      () => JSON.stringify(values),
      (text) => {
        if (text === untouched) {
          remove();
          return;
        }
        try {
          storage?.setItem(prefix + options.key, text);
        } catch {
          // Storage full or disabled: the form still works, only the draft is not kept.
        }
      },
    ),
  );

  return {
    values,
    setValues,
    wasRestored,
    clear: () => {
      setRestored(false);
      untouched = JSON.stringify(options.initial);
      setValues(reconcile(structuredClone(options.initial)));
      remove();
    },
    commit: () => {
      setRestored(false);
      untouched = JSON.stringify(values);
      remove();
    },
  };
}

/** Removes every draft of a user, on sign-out, so the next person at this browser sees none. */
export function clearUserDrafts(
  userId: string,
  storage: Storage | undefined = globalThis.localStorage,
) {
  try {
    if (!storage) {
      return;
    }
    const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index));
    for (const key of keys) {
      if (key?.startsWith(`${prefix}${userId}.`)) {
        storage.removeItem(key);
      }
    }
  } catch {
    // Storage unavailable: there are no drafts to remove.
  }
}

/** Copies a draft's values into a plain object, for sending. */
export function draftSnapshot<T extends object>(draft: Draft<T>): T {
  return structuredClone(unwrap(draft.values));
}
