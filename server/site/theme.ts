/**
 * A portal's colour, served as a small stylesheet whose address names the colour. Its content
 * depends on the address alone, so it is cached forever, and pages need no inline style, which
 * would carry a per-response CSP nonce that a cached page cannot keep.
 */
const hexColor = /^#?([0-9a-f]{6})$/i;

/** Text and links on the page background must reach WCAG AA contrast (4.5:1) against white. */
const minimumContrast = 4.5;

function channelLuminance(channel: number): number {
  const value = channel / 255;

  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

function luminance(rgb: [number, number, number]): number {
  const [r, g, b] = rgb.map(channelLuminance) as [number, number, number];

  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Returns the contrast ratio of a colour against white, from 1 to 21. */
export function contrastWithWhite(rgb: [number, number, number]): number {
  return 1.05 / (luminance(rgb) + 0.05);
}

function parseHex(hex: string): [number, number, number] {
  const value = Number.parseInt(hex, 16);

  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function toHex(rgb: [number, number, number]): string {
  return rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('');
}

/** Darkens a colour step by step until white text on it, and it on white, reach 4.5:1. */
export function accessibleColor(hex: string): string {
  let rgb = parseHex(hex);
  while (contrastWithWhite(rgb) < minimumContrast) {
    rgb = rgb.map((channel) => Math.floor(channel * 0.9)) as [number, number, number];
  }

  return toHex(rgb);
}

/** Returns the path of the stylesheet for a portal's primary colour, e.g. `#1d4f91`. */
export function themeStylesheetPath(primaryColor: string): string {
  const match = hexColor.exec(primaryColor);
  const hex = match ? match[1]!.toLowerCase() : '1d4f91';

  return `/assets/theme-${hex}.css`;
}

/** Returns the stylesheet for a colour given as six hex digits, or null for anything else. */
export function themeStylesheet(hex: string): string | null {
  if (!hexColor.test(hex)) {
    return null;
  }

  return `:root{--brand:#${accessibleColor(hex.replace('#', ''))}}\n`;
}
