import type { Context } from 'hono';

import type { AppEnv } from '../app-env.ts';
import { clientIp } from '../client-ip.ts';
import { CaseStatus, LookupForm } from './lookup-page.tsx';
import { renderFeedbackPage } from './public-page.tsx';
import { lookUpCase } from './public-queries.ts';
import { consumeRateLimit, feedbackRateLimits, retryMinutes } from './rate-limit.ts';

export function LookupPage(props: { code?: string; error?: string }) {
  return (
    <>
      <h1>Tra cứu kết quả xử lý phản ánh, kiến nghị</h1>
      <p>
        Nhập mã tra cứu nhận được khi gửi phản ánh, kiến nghị hoặc góp ý để xem tình trạng xử lý,
        thông tin tiến độ và nội dung trả lời.
      </p>
      <LookupForm code={props.code} error={props.error} />
    </>
  );
}

/**
 * Looks a tracking code up among this portal's cases. A wrong code and a guessed one get the
 * same answer, and lookups are limited per client address so codes cannot be tried in bulk.
 */
export async function handleLookup(c: Context<AppEnv>) {
  const title = 'Tra cứu kết quả xử lý phản ánh, kiến nghị';
  const body = await c.req.parseBody();
  const code = typeof body.code === 'string' ? body.code.trim().slice(0, 60) : '';
  const address = clientIp(c) ?? 'unknown';
  const limit = await consumeRateLimit(c.var.db, feedbackRateLimits.lookupPerAddress, address);
  if (!limit.isAllowed) {
    c.header('Retry-After', String(limit.retryAfterSeconds));
    const error = `Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau ${retryMinutes(limit)} phút.`;
    return renderFeedbackPage(c, {
      title,
      status: 429,
      isPrivate: true,
      body: <LookupPage code={code} error={error} />,
    });
  }

  const view = code ? await lookUpCase(c.var.db, c.var.tenant.id, code) : null;
  if (!view) {
    const error = code
      ? 'Không tìm thấy phản ánh, kiến nghị nào có mã này trên cổng. Kiểm tra lại mã đã nhập.'
      : 'Nhập mã tra cứu.';
    return renderFeedbackPage(c, {
      title: `Lỗi: ${title}`,
      status: code ? 404 : 400,
      isPrivate: true,
      body: <LookupPage code={code} error={error} />,
    });
  }

  return renderFeedbackPage(c, {
    title,
    isPrivate: true,
    body: (
      <>
        <LookupPage />
        <CaseStatus view={view} />
      </>
    ),
  });
}
