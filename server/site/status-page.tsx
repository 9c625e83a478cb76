import type { Context } from 'hono';

import type { AppEnv } from '../app-env.ts';
import { siteStylesheet } from './assets.ts';
import { doctype } from './layout.tsx';

const messages = {
  400: {
    title: 'Địa chỉ không hợp lệ',
    text: 'Tên miền trong yêu cầu không hợp lệ.',
    english: 'The host name of this request is invalid.',
  },
  404: {
    title: 'Không tìm thấy trang',
    text: 'Trang hoặc cổng thông tin bạn tìm không tồn tại trên hệ thống.',
    english: 'The page or portal you are looking for does not exist.',
  },
  503: {
    title: 'Cổng thông tin tạm ngừng hoạt động',
    text: 'Cổng thông tin này đang tạm ngừng. Vui lòng quay lại sau.',
    english: 'This portal is temporarily unavailable. Please come back later.',
  },
} as const;

export type StatusPageCode = keyof typeof messages;

/**
 * Renders a plain error page that names no portal, so an unknown host learns nothing about
 * the tenants behind this server.
 */
export function renderStatusPage(c: Context<AppEnv>, status: StatusPageCode) {
  const message = messages[status];
  c.header('Cache-Control', 'no-store');
  return c.html(
    <>
      {doctype}
      <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{message.title}</title>
          <link rel="stylesheet" href={siteStylesheet.path} />
        </head>
        <body>
          <main class="status-page">
            <h1>{message.title}</h1>
            <p>{message.text}</p>
            <p lang="en">{message.english}</p>
          </main>
        </body>
      </html>
    </>,
    status,
  );
}
