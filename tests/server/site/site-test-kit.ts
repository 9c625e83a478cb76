import { XMLValidator } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { expect } from 'vitest';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // hono/jsx writes void elements as <meta ... />.
    'void-style': 'off',
  },
});

/** Fails with every html-validate message of the page, so one run shows all problems. */
export async function expectValidHtml(html: string, label = 'page') {
  const report = await validator.validateString(html);
  const messages = report.results.flatMap((result) =>
    result.messages.map((message) => `${message.ruleId}: ${message.message}`),
  );

  expect(messages, label).toEqual([]);
}

/** Fails unless the text is well-formed XML. */
export function expectWellFormedXml(xml: string) {
  const result = XMLValidator.validate(xml);

  expect(result).toBe(true);
}

/** Returns the value of one `<meta property=…>` or `<meta name=…>` of a page. */
export function metaContent(html: string, key: string): string | undefined {
  const pattern = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`);

  return pattern.exec(html)?.[1];
}

/** Returns the href of the page's canonical link. */
export function canonicalOf(html: string): string | undefined {
  return /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
}

/** Returns the text of the breadcrumb trail, one entry per step. */
export function breadcrumbsOf(html: string): string[] {
  const trail = /<nav class="breadcrumbs"[^>]*>(.*?)<\/nav>/s.exec(html)?.[1] ?? '';

  return [...trail.matchAll(/<li>(.*?)<\/li>/gs)].map((match) =>
    match[1]!.replace(/<[^>]+>/g, '').trim(),
  );
}
