import sanitizeHtml from 'sanitize-html';

/**
 * The HTML a portal's rich text may contain: the board's policy, narrowed by the tenant. Its
 * tags and attributes are always a subset of `richTextTagChoices` and
 * `richTextAttributeChoices`, whatever a stored policy contains.
 */
export type RichTextPolicy = {
  tags: readonly string[];
  /** Attributes allowed per tag; a tag missing here keeps no attributes. */
  attributes: Readonly<Record<string, readonly string[]>>;
  /** Hosts whose pages an `iframe` may embed, over https only; none means no embeds. */
  embedHosts: readonly string[];
};

/** The tags rich text may contain when no board policy narrows or widens the list. */
const defaultTags = [
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'b',
  'i',
  'u',
  'a',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'caption',
  'figure',
  'figcaption',
  'img',
  'hr',
];

/** Every tag a policy may allow. Scripts, styles, forms and objects are never among them. */
export const richTextTagChoices: readonly string[] = [
  ...defaultTags,
  'h5',
  'h6',
  's',
  'sub',
  'sup',
  'pre',
  'code',
  'iframe',
];

/** Every attribute a policy may allow, per tag. Event handlers and `style` are never among them. */
export const richTextAttributeChoices: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title', 'rel', 'target'],
  img: ['src', 'alt', 'width', 'height', 'title'],
  th: ['scope', 'colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  iframe: ['src', 'title', 'width', 'height', 'allowfullscreen'],
};

/** The allow-list in force when no board policy narrows or widens it. */
export const defaultRichTextPolicy: RichTextPolicy = {
  tags: defaultTags,
  attributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  embedHosts: [],
};

const tagChoices = new Set<string>(richTextTagChoices);

function allowedAttributesOf(policy: RichTextPolicy, tags: string[]) {
  return Object.fromEntries(
    tags.map((tag) => {
      const choices = richTextAttributeChoices[tag] ?? [];
      const names = (policy.attributes[tag] ?? []).filter((name) => choices.includes(name));
      // External links always leave with rel="noopener noreferrer", which the filter must keep.
      return [tag, tag === 'a' && !names.includes('rel') ? [...names, 'rel'] : names];
    }),
  );
}

/**
 * Builds the sanitize-html options of a policy. Anything outside it is dropped, including every
 * event-handler attribute and every URL scheme but http, https and mailto.
 */
function optionsFor(policy: RichTextPolicy): sanitizeHtml.IOptions {
  // An iframe is kept only when it embeds a listed host, so no hosts means no iframes at all.
  const tags = policy.tags.filter(
    (tag) => tagChoices.has(tag) && (tag !== 'iframe' || policy.embedHosts.length > 0),
  );

  return {
    allowedTags: tags,
    allowedAttributes: allowedAttributesOf(policy, tags),
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
    allowProtocolRelative: false,
    allowedIframeHostnames: [...policy.embedHosts],
    allowIframeRelativeUrls: false,
    // sanitize-html keeps an iframe whose src it removed; an empty frame is of no use.
    exclusiveFilter: (frame) => frame.tag === 'iframe' && !frame.attribs.src,
    transformTags: {
      a: (tagName, attribs) => {
        const isExternal = /^https?:\/\//i.test(attribs.href ?? '');
        return {
          tagName,
          attribs: isExternal ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
        };
      },
    },
  };
}

const optionsByPolicy = new WeakMap<RichTextPolicy, sanitizeHtml.IOptions>();

/**
 * Cleans rich text against a portal's policy (the default allow-list when none is given). It
 * runs on save and again when a page renders, so text saved under a wider policy shows only
 * what the policy in force allows.
 */
export function sanitizeRichText(html: string, policy: RichTextPolicy = defaultRichTextPolicy) {
  let options = optionsByPolicy.get(policy);
  if (!options) {
    options = optionsFor(policy);
    optionsByPolicy.set(policy, options);
  }

  return sanitizeHtml(html.normalize('NFC'), options);
}
