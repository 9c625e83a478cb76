import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';

/** One window for the process: DOMPurify only needs a DOM to parse into. */
const { window } = new JSDOM('');
const purify = createDOMPurify(window);

const xmlDeclarationPattern = /^\uFEFF?\s*<\?xml[^>]*\?>/i;
const doctypePattern = /<!doctype[^>[]*(\[[\s\S]*?\])?\s*>/gi;

/**
 * Sanitises an SVG document with DOMPurify's SVG allow-list (scripts, event handlers,
 * `foreignObject` and `javascript:` links removed) and serialises it as XML. Returns undefined
 * when the text has no `<svg>` root or declares entities, which could expand without bound.
 */
export function sanitizeSvg(source: string): string | undefined {
  if (/<!entity/i.test(source)) {
    return undefined;
  }
  // The HTML parser DOMPurify uses would keep an XML declaration or doctype as text.
  const markup = source.replace(xmlDeclarationPattern, '').replace(doctypePattern, '');
  const body = purify.sanitize(markup, {
    USE_PROFILES: { svg: true, svgFilters: true },
    RETURN_DOM: true,
  });
  const root = body.firstElementChild;
  if (!root || root.localName !== 'svg' || root.namespaceURI !== 'http://www.w3.org/2000/svg') {
    return undefined;
  }

  // XMLSerializer writes the SVG namespace declaration that a standalone file needs.
  return new window.XMLSerializer().serializeToString(root);
}
