import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';

import {
  clearUserDrafts,
  createDraft,
  type DraftOptions,
} from '../../../web/src/stores/create-draft.ts';

type Form = { email: string; roles: string[] };
const initial: Form = { email: '', roles: [] };

function openDraft(options: Partial<DraftOptions<Form>> = {}) {
  return createRoot((dispose) => ({
    draft: createDraft<Form>({ key: 'user-1.add-member.tenant-1', initial, ...options }),
    dispose,
  }));
}

describe('createDraft', () => {
  it('keeps typed values in localStorage', () => {
    const { draft, dispose } = openDraft();
    draft.setValues('email', 'an@mic.gov.vn');
    draft.setValues('roles', ['editor']);

    const stored = JSON.parse(localStorage.getItem('admin.draft.user-1.add-member.tenant-1') ?? '');

    expect(stored).toEqual({ email: 'an@mic.gov.vn', roles: ['editor'] });
    dispose();
  });

  it('restores the draft when the form opens again', () => {
    const first = openDraft();
    first.draft.setValues('email', 'an@mic.gov.vn');
    first.dispose();

    const second = openDraft();

    expect(second.draft.values.email).toBe('an@mic.gov.vn');
    expect(second.draft.wasRestored()).toBe(true);
    second.dispose();
  });

  it('starts empty and unrestored without a draft', () => {
    const { draft, dispose } = openDraft();

    expect(draft.values).toEqual(initial);
    expect(draft.wasRestored()).toBe(false);
    dispose();
  });

  it('forgets the draft when the values return to the initial ones', () => {
    const { draft, dispose } = openDraft();
    draft.setValues('email', 'an@mic.gov.vn');
    draft.setValues('email', '');

    expect(localStorage.getItem('admin.draft.user-1.add-member.tenant-1')).toBeNull();
    dispose();
  });

  it('keeps drafts of other forms apart', () => {
    const addMember = openDraft();
    const otherPortal = openDraft({ key: 'user-1.add-member.tenant-2' });
    addMember.draft.setValues('email', 'an@mic.gov.vn');

    expect(otherPortal.draft.values.email).toBe('');
    addMember.dispose();
    otherPortal.dispose();
  });

  it('empties the form and the storage on clear()', () => {
    const { draft, dispose } = openDraft();
    draft.setValues('email', 'an@mic.gov.vn');
    draft.clear();

    expect(draft.values).toEqual(initial);
    expect(draft.wasRestored()).toBe(false);
    expect(localStorage.getItem('admin.draft.user-1.add-member.tenant-1')).toBeNull();
    dispose();
  });

  it('keeps the saved values after commit() without a stored draft', () => {
    const { draft, dispose } = openDraft();
    draft.setValues('roles', ['author']);
    draft.commit();

    expect(draft.values.roles).toEqual(['author']);
    expect(localStorage.getItem('admin.draft.user-1.add-member.tenant-1')).toBeNull();
    draft.setValues('roles', ['editor']);
    expect(localStorage.getItem('admin.draft.user-1.add-member.tenant-1')).not.toBeNull();
    dispose();
  });

  it('still works when storage refuses writes', () => {
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota exceeded', 'QuotaExceededError');
      },
      removeItem: () => {},
    } as unknown as Storage;
    const { draft, dispose } = openDraft({ storage: refusing });
    draft.setValues('email', 'an@mic.gov.vn');

    expect(draft.values.email).toBe('an@mic.gov.vn');
    dispose();
  });
});

describe('clearUserDrafts', () => {
  it('removes only the drafts of that user', () => {
    localStorage.setItem('admin.draft.user-1.add-member.tenant-1', '{}');
    localStorage.setItem('admin.draft.user-2.add-member.tenant-1', '{}');
    localStorage.setItem('admin.locale', 'en');

    clearUserDrafts('user-1');

    expect(localStorage.getItem('admin.draft.user-1.add-member.tenant-1')).toBeNull();
    expect(localStorage.getItem('admin.draft.user-2.add-member.tenant-1')).toBe('{}');
    expect(localStorage.getItem('admin.locale')).toBe('en');
  });
});
