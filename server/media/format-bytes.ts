const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** Formats a byte count for messages in binary units: `20 MiB`, `1.5 GiB`, `512 bytes`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = Math.round(value * 10) / 10;

  return `${rounded} ${units[unit]}`;
}
