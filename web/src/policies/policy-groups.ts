import type { MessageKey } from '../i18n/create-i18n.ts';
import type { Policy } from './types.ts';

export type PolicyGroup = {
  id: string;
  title: MessageKey;
  description: MessageKey;
  policies: Policy[];
};

type GroupDefinition = Omit<PolicyGroup, 'policies'> & { matches: (key: string) => boolean };

const richTextKeys = ['content.html_tags', 'content.html_attributes', 'content.embed_hosts'];

/** The screen's sections, in order; a policy goes to the first whose rule matches its key. */
const groupDefinitions: GroupDefinition[] = [
  {
    id: 'content',
    title: 'policies.group.content',
    description: 'policies.group.contentHint',
    matches: (key) =>
      (key.startsWith('content.') && !richTextKeys.includes(key)) || key.startsWith('workflow.'),
  },
  {
    id: 'rich-text',
    title: 'policies.group.richText',
    description: 'policies.group.richTextHint',
    matches: (key) => richTextKeys.includes(key),
  },
  {
    id: 'uploads',
    title: 'policies.group.uploads',
    description: 'policies.group.uploadsHint',
    matches: (key) => key.startsWith('media.'),
  },
  {
    id: 'feedback',
    title: 'policies.group.feedback',
    description: 'policies.group.feedbackHint',
    matches: (key) => key.startsWith('feedback.'),
  },
  {
    id: 'public-pages',
    title: 'policies.group.publicPages',
    description: 'policies.group.publicPagesHint',
    matches: (key) => key.startsWith('site.'),
  },
  {
    id: 'security',
    title: 'policies.group.security',
    description: 'policies.group.securityHint',
    matches: (key) => key.startsWith('security.') || key.startsWith('sessions.'),
  },
  {
    id: 'other',
    title: 'policies.group.other',
    description: 'policies.group.otherHint',
    matches: () => true,
  },
];

/** Sorts policies into the screen's sections, leaving out sections with no policy. */
export function groupPolicies(policies: readonly Policy[]): PolicyGroup[] {
  const groups = groupDefinitions.map(({ matches: _matches, ...group }) => ({
    ...group,
    policies: [] as Policy[],
  }));
  for (const policy of policies) {
    const index = groupDefinitions.findIndex((definition) => definition.matches(policy.key));
    groups[index]!.policies.push(policy);
  }

  return groups.filter((group) => group.policies.length > 0);
}
