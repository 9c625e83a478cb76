import { describe, expect, it } from 'vitest';

import { loadConfig } from '../../../server/config.ts';
import {
  policyDefaultsFromConfig,
  policyDefinitions,
  policyKeys,
  resolvePolicy,
  type OverrideRow,
  type SettingRow,
} from '../../../server/policies/registry.ts';

const tenantId = '00000000-0000-4000-8000-000000000001';

function setting(key: string, values: Partial<SettingRow> = {}): SettingRow {
  return {
    key,
    value: null,
    bounds: null,
    isLocked: false,
    version: 1,
    updatedBy: null,
    updatedAt: new Date('2026-01-05T02:00:00Z'),
    ...values,
  };
}

function override(key: string, value: unknown): OverrideRow {
  return {
    tenantId,
    key,
    value,
    version: 1,
    updatedBy: null,
    updatedAt: new Date('2026-01-06T02:00:00Z'),
  };
}

describe('resolvePolicy', () => {
  it('uses the code default first', () => {
    const resolved = resolvePolicy('feedback.answer_days', undefined, undefined);

    expect(resolved.value).toBe(20);
    expect(resolved.source).toBe('code');
    expect(resolved.board).toBeNull();
  });

  it("uses the board's setting over the code default", () => {
    const resolved = resolvePolicy(
      'feedback.answer_days',
      setting('feedback.answer_days', { value: 15 }),
      undefined,
    );

    expect(resolved.value).toBe(15);
    expect(resolved.source).toBe('board');
  });

  it('applies a stricter tenant override', () => {
    const resolved = resolvePolicy(
      'media.max_upload_bytes',
      undefined,
      override('media.max_upload_bytes', 5 * 1024 * 1024),
    );

    expect(resolved.value).toBe(5 * 1024 * 1024);
    expect(resolved.source).toBe('tenant');
    expect(resolved.override?.status).toBe('in_force');
  });

  it('keeps a board value stricter than the override', () => {
    const resolved = resolvePolicy(
      'media.max_upload_bytes',
      setting('media.max_upload_bytes', { value: 2 * 1024 * 1024 }),
      override('media.max_upload_bytes', 5 * 1024 * 1024),
    );

    expect(resolved.value).toBe(2 * 1024 * 1024);
    expect(resolved.source).toBe('board');
    expect(resolved.override?.status).toBe('superseded');
  });

  it('sets an override aside while the policy is locked', () => {
    const resolved = resolvePolicy(
      'feedback.answer_days',
      setting('feedback.answer_days', { value: 20, isLocked: true }),
      override('feedback.answer_days', 10),
    );

    expect(resolved.value).toBe(20);
    expect(resolved.override?.status).toBe('set_aside');
    expect(resolved.isOverridable).toBe(false);
  });

  it('sets an override aside that breaks new bounds', () => {
    const resolved = resolvePolicy(
      'feedback.answer_days',
      setting('feedback.answer_days', { value: 20, bounds: { min: 10 } }),
      override('feedback.answer_days', 5),
    );

    expect(resolved.value).toBe(20);
    expect(resolved.override?.status).toBe('set_aside');
    expect(resolved.override?.problem).toBe('5 is below the minimum 10');
  });

  it('never lets a tenant override a platform-wide policy', () => {
    const resolved = resolvePolicy(
      'sessions.idle_minutes',
      undefined,
      override('sessions.idle_minutes', 5),
    );

    expect(resolved.value).toBe(30);
    expect(resolved.override?.status).toBe('set_aside');
  });

  it('adds to a growing set rather than replacing it', () => {
    const resolved = resolvePolicy(
      'content.review_required_categories',
      setting('content.review_required_categories', { value: ['legal-normative'] }),
      override('content.review_required_categories', ['procurement']),
    );

    expect(resolved.value).toEqual(['legal-normative', 'procurement']);
  });

  it('keeps only tags both the board and the tenant allow', () => {
    const resolved = resolvePolicy(
      'content.html_tags',
      setting('content.html_tags', { value: ['p', 'br', 'table', 'img'] }),
      override('content.html_tags', ['p', 'br', 'img', 'iframe']),
    );

    expect(resolved.value).toEqual(['p', 'br', 'img']);
  });

  it('takes the shorter deadline per category', () => {
    const resolved = resolvePolicy(
      'content.deadlines',
      undefined,
      override('content.deadlines', {
        news: { amount: 2, unit: 'working_hours', from: 'submission' },
      }),
    );

    expect(resolved.value.news).toEqual({ amount: 2, unit: 'working_hours', from: 'submission' });
    expect(resolved.value['legal-normative']).toEqual({
      amount: 2,
      unit: 'working_days',
      from: 'signing',
    });
  });

  it('falls back on an invalid stored value', () => {
    const resolved = resolvePolicy(
      'content.stale_page_days',
      setting('content.stale_page_days', { value: 'soon' }),
      undefined,
    );

    expect(resolved.value).toBe(180);
    expect(resolved.source).toBe('code');
    expect(resolved.board?.isStoredValueInvalid).toBe(true);
  });

  it('takes session and second-factor defaults from the configuration', () => {
    const config = loadConfig({
      SESSION_IDLE_MINUTES: '45',
      SESSION_MAX_AGE_HOURS: '8',
      SECOND_FACTOR_ROLES: 'board_head,editor,nobody',
    });
    const defaults = policyDefaultsFromConfig(config);

    expect(resolvePolicy('sessions.idle_minutes', undefined, undefined, defaults).value).toBe(45);
    expect(resolvePolicy('sessions.max_age_hours', undefined, undefined, defaults).value).toBe(8);
    expect(
      resolvePolicy('security.second_factor_roles', undefined, undefined, defaults).value,
    ).toEqual(['board_head', 'editor']);
  });

  it('has valid defaults and labels', () => {
    for (const key of policyKeys) {
      const definition = policyDefinitions[key];
      const parsed = definition.kind.valueSchema.safeParse(definition.defaultValue);

      expect(parsed.success, key).toBe(true);
      expect(definition.label.vi, key).not.toBe('');
      expect(definition.label.en, key).not.toBe('');
      expect(definition.description.vi, key).not.toBe('');
    }
  });
});
