import type { MessageKey } from '../i18n/create-i18n.ts';
import { byteFactor, exactByteUnit, type ByteUnit } from './format-value.ts';
import {
  asRecord,
  asStringList,
  type AttributeMap,
  type DeadlineRule,
  type NumberBounds,
  type Policy,
  type PolicyValue,
  type SetBounds,
} from './types.ts';

// The state of an editor while someone types. Numbers stay as the typed text, so a draft keeps
// exactly what was typed, even when it is not a number yet.

export type DeadlineRow = {
  key: string;
  amount: string;
  unit: DeadlineRule['unit'];
  from: DeadlineRule['from'];
};

export type ValueState = {
  text: string;
  byteUnit: ByteUnit;
  flag: boolean;
  items: string[];
  deadlines: DeadlineRow[];
  attributes: AttributeMap;
};

export type BoundsState = {
  min: string;
  max: string;
  mustInclude: string[];
  /** Whether `mayInclude` limits the members a value may have. */
  hasChoiceLimit: boolean;
  mayInclude: string[];
};

/** A value ready to send, or the message of the first field that is not valid yet. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: MessageKey };

function numberText(value: number | undefined, unit: ByteUnit, isBytes: boolean): string {
  if (value === undefined) {
    return '';
  }
  return String(isBytes ? value / byteFactor(unit) : value);
}

export function valueState(policy: Policy, value: unknown): ValueState {
  const isBytes = policy.unit === 'bytes';
  const number = typeof value === 'number' ? value : undefined;
  const byteUnit = isBytes && number !== undefined ? exactByteUnit(number) : 'B';

  return {
    text: numberText(number, byteUnit, isBytes),
    byteUnit,
    flag: value === true,
    items: policy.type === 'string_set' ? asStringList(value) : [],
    deadlines:
      policy.type === 'deadline_map'
        ? Object.entries(asRecord<DeadlineRule>(value)).map(([key, rule]) => ({
            key,
            amount: String(rule.amount),
            unit: rule.unit,
            from: rule.from,
          }))
        : [],
    attributes:
      policy.type === 'attribute_map'
        ? Object.fromEntries(
            Object.entries(asRecord<string[]>(value)).map(([tag, names]) => [tag, [...names]]),
          )
        : {},
  };
}

export function boundsState(policy: Policy, unit: ByteUnit): BoundsState {
  const isBytes = policy.unit === 'bytes';
  const numbers = (policy.type === 'number' ? (policy.bounds ?? {}) : {}) as NumberBounds;
  const sets = (policy.type === 'string_set' ? (policy.bounds ?? {}) : {}) as SetBounds;

  return {
    min: numberText(numbers.min, unit, isBytes),
    max: numberText(numbers.max, unit, isBytes),
    mustInclude: [...(sets.mustInclude ?? [])],
    hasChoiceLimit: sets.mayInclude !== undefined,
    mayInclude: [...(sets.mayInclude ?? [])],
  };
}

/** Parses typed text as a whole number in the editor's unit, converting sizes back to bytes. */
function parseWhole(text: string, factor: number): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) {
    return undefined;
  }
  const value = Number(trimmed) * factor;

  return Number.isSafeInteger(value) ? value : undefined;
}

export function parseValue(policy: Policy, state: ValueState): Parsed<PolicyValue> {
  switch (policy.type) {
    case 'number': {
      const factor = policy.unit === 'bytes' ? byteFactor(state.byteUnit) : 1;
      const value = parseWhole(state.text, factor);
      return value === undefined
        ? { ok: false, problem: 'policies.editor.wholeNumber' }
        : { ok: true, value };
    }
    case 'boolean':
      return { ok: true, value: state.flag };
    case 'string_set':
      return { ok: true, value: [...state.items] };
    case 'deadline_map': {
      const entries: [string, DeadlineRule][] = [];
      for (const row of state.deadlines) {
        const amount = parseWhole(row.amount, 1);
        if (amount === undefined) {
          return { ok: false, problem: 'policies.editor.wholeNumber' };
        }
        entries.push([row.key, { amount, unit: row.unit, from: row.from }]);
      }
      return { ok: true, value: Object.fromEntries(entries) };
    }
    case 'attribute_map':
      return { ok: true, value: structuredClone(state.attributes) };
  }
}

/** Parses bounds for sending, where `null` removes them. */
export function parseBounds(
  policy: Policy,
  state: BoundsState,
  unit: ByteUnit,
): Parsed<NumberBounds | SetBounds | null> {
  if (policy.type === 'number') {
    const factor = policy.unit === 'bytes' ? byteFactor(unit) : 1;
    const bounds: NumberBounds = {};
    for (const side of ['min', 'max'] as const) {
      if (state[side].trim() === '') {
        continue;
      }
      const value = parseWhole(state[side], factor);
      if (value === undefined) {
        return { ok: false, problem: 'policies.editor.wholeNumber' };
      }
      bounds[side] = value;
    }
    return { ok: true, value: Object.keys(bounds).length > 0 ? bounds : null };
  }
  const bounds: SetBounds = {};
  if (state.mustInclude.length > 0) {
    bounds.mustInclude = [...state.mustInclude];
  }
  if (state.hasChoiceLimit) {
    bounds.mayInclude = [...state.mayInclude];
  }

  return { ok: true, value: Object.keys(bounds).length > 0 ? bounds : null };
}
