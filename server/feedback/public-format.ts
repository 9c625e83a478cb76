const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** Formats an instant as a date in Vietnam's time zone, e.g. 09/02/2026. */
export function formatDate(value: Date): string {
  return dateFormat.format(value);
}

/** Formats an instant as a time and date in Vietnam's time zone. */
export function formatDateTime(value: Date): string {
  return dateTimeFormat.format(value);
}
