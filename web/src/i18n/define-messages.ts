/**
 * A feature's messages in both languages. The keys come from the Vietnamese side; the English side
 * must name exactly the same keys, so a missing or stray translation fails the type check.
 */
export function defineMessages<const Key extends string>(messages: {
  vi: Record<Key, string>;
  en: NoInfer<Record<Key, string>>;
}) {
  return messages;
}
