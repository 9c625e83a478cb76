import { auditMessages } from '../audit/messages.ts';
import { editorMessages } from '../content/editor-messages.ts';
import { dashboardMessages } from '../dashboard/messages.ts';
import { feedbackMessages } from '../feedback/messages.ts';
import { mediaMessages } from '../media/messages.ts';
import { policiesMessages } from '../policies/messages.ts';
import { portalsMessages } from '../portals/messages.ts';
import { englishMessages } from './messages-en.ts';
import { vietnameseMessages } from './messages-vi.ts';

// Each feature keeps its messages next to its screens; the catalogues join them.
const features = [
  auditMessages,
  editorMessages,
  dashboardMessages,
  feedbackMessages,
  mediaMessages,
  policiesMessages,
  portalsMessages,
] as const;

// Distributes over the features, so the result is every feature's keys, not only shared ones.
type KeysOf<Feature> = Feature extends { vi: infer Messages } ? keyof Messages : never;
type FeatureKey = KeysOf<(typeof features)[number]>;

const vietnamese = Object.assign({}, vietnameseMessages, ...features.map((feature) => feature.vi));
const english = Object.assign({}, englishMessages, ...features.map((feature) => feature.en));

export type MessageKey = keyof typeof vietnameseMessages | FeatureKey;

/** Keys that more than one catalogue part defines; the later one would silently win. */
export function findDuplicateKeys(): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const part of [vietnameseMessages, ...features.map((feature) => feature.vi)]) {
    for (const key of Object.keys(part)) {
      if (seen.has(key)) {
        duplicates.push(key);
      }
      seen.add(key);
    }
  }
  return duplicates;
}

export const catalogues = {
  vi: vietnamese as Record<MessageKey, string>,
  en: english as Record<MessageKey, string>,
};
