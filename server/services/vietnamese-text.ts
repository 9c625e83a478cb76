/**
 * Folds Vietnamese text for matching: lower case, no tone or vowel marks, `đ` as `d`, runs of
 * white space as one space. "Cấp giấy phép" and "cap GIAY phep" fold to the same string.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Returns whether every word of the query occurs in one of the texts, both folded. */
export function matchesAllWords(query: string, texts: readonly (string | null)[]): boolean {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  if (words.length === 0) {
    return true;
  }
  const haystack = texts
    .filter((text): text is string => Boolean(text))
    .map(foldVietnamese)
    .join(' \n ');

  return words.every((word) => haystack.includes(word));
}
