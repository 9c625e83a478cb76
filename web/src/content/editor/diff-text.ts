import { diffWords } from 'diff';

import type { DiffPart } from './item-types.ts';

/** Tags after which the text continues on a new line when shown without its markup. */
const lineBreakingTag =
  /^<\/?(p|h[1-6]|li|blockquote|ul|ol|figure|figcaption|tr|table)\b|^<br\b|^<hr\b/i;

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => entities[entity] ?? entity);
}

function collapseBlankLines(parts: DiffPart[]): DiffPart[] {
  return parts
    .map((part) => ({ ...part, value: part.value.replace(/\n{3,}/g, '\n\n') }))
    .filter((part) => part.value !== '');
}

/**
 * Removes the HTML markup from one side of a word diff of rich text, so the comparison reads
 * as text. Only the parts that make up that side are kept (unchanged and removed ones for
 * `before`, unchanged and added ones for `after`). A tag may be split across parts, so the
 * position inside a tag is carried from one part to the next. Block tags become line breaks.
 * NOTE: an entity such as `&amp;` split across two parts stays encoded.
 */
export function textSideOf(parts: readonly DiffPart[], side: 'before' | 'after'): DiffPart[] {
  let tag: string | undefined;
  const result = plainSideOf(parts, side).map((part) => {
    let text = '';
    for (const character of part.value) {
      if (tag !== undefined) {
        tag += character;
        if (character === '>') {
          text += lineBreakingTag.test(tag) ? '\n' : '';
          tag = undefined;
        }
      } else if (character === '<') {
        tag = '<';
      } else {
        text += character;
      }
    }
    return { ...part, value: decodeEntities(text) };
  });

  return collapseBlankLines(result);
}

/** Selects the parts of one side of a word diff, for fields that are plain text. */
export function plainSideOf(parts: readonly DiffPart[], side: 'before' | 'after'): DiffPart[] {
  return parts.filter((part) => (side === 'before' ? !part.added : !part.removed));
}

/** Extracts the text of an HTML fragment, with a line break after each block. */
export function htmlToText(html: string): string {
  const parts = textSideOf([{ value: html }], 'before');

  return parts
    .map((part) => part.value)
    .join('')
    .trim();
}

/** Compares two texts word by word, in the shape the server's diff route returns. */
export function compareWords(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({
    value: part.value,
    added: part.added,
    removed: part.removed,
  }));
}
