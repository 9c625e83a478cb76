import sanitizeHtml from 'sanitize-html';

/**
 * The HTML that rich text may contain. Anything else is dropped, including every event-handler
 * attribute and every URL scheme but http, https and mailto.
 */
const richTextOptions: sanitizeHtml.IOptions = {
  allowedTags: [
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
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
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

/** Cleans rich text against the allow-list; used on save and again when a page renders. */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html.normalize('NFC'), richTextOptions);
}
