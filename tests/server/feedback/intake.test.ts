import { HtmlValidate } from 'html-validate';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { queryRows } from '../../../server/db/raw-rows.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { postForm, solvedProofOfWork, trackingCodeIn, validFields } from './feedback-test-kit.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  // hono/jsx writes void elements as <input ... /> and boolean attributes as novalidate="".
  rules: { 'void-style': 'off', 'attribute-boolean-style': 'off' },
});

describe('POST /gop-y', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  const host = `ais.${testRootDomain}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    await createTenant(database.db, { slug: 'ais' });
    testApp = buildTestApp(database.db, { trustProxy: true });
  });

  afterAll(async () => {
    await database.destroy();
  });

  async function countCases(): Promise<number> {
    const [row] = await queryRows<{ total: number }>(
      database.db,
      sql`select count(*)::int as total from feedback_cases`,
    );
    return Number(row?.total);
  }

  it('serves an accessible form with labels and the purpose notice', async () => {
    const response = await testApp.request(host, '/gop-y');
    const html = await response.text();
    const report = await validator.validateString(html);
    const problems = report.results.flatMap((result) =>
      result.messages.map((message) => `${message.ruleId}: ${message.message}`),
    );

    expect(response.status).toBe(200);
    expect(html).toContain('<label for="fb-senderName">');
    expect(html).toContain('Thông báo về xử lý dữ liệu cá nhân');
    expect(html).toContain('name="arithmeticToken"');
    expect(html).toContain('/gop-y/chong-thu-rac.js');
    expect(problems).toEqual([]);
  });

  it('stores a submission and shows a tracking code of 24 characters', async () => {
    const before = await countCases();
    const result = await postForm(testApp, host, validFields());

    expect(result.status).toBe(200);
    expect(trackingCodeIn(result.html).replace(/-/g, '')).toHaveLength(24);
    expect(result.headers.get('cache-control')).toBe('no-store');
    expect(await countCases()).toBe(before + 1);
  });

  it('shows the form again, filled in, when a field is invalid', async () => {
    const before = await countCases();
    const result = await postForm(
      testApp,
      host,
      validFields({ senderEmail: '', senderPhone: '', subject: 'Đề nghị sửa quy định về phí' }),
    );

    expect(result.status).toBe(400);
    expect(result.html).toContain('class="error-summary"');
    expect(result.html).toContain('href="#fb-senderEmail"');
    expect(result.html).toContain('aria-invalid="true"');
    expect(result.html).toContain('value="Đề nghị sửa quy định về phí"');
    expect(result.html).toContain('value="Trần Văn Minh"');
    expect(await countCases()).toBe(before);
  });

  it('rejects empty and oversized fields with a message each', async () => {
    const result = await postForm(
      testApp,
      host,
      validFields({ senderName: '', body: 'x'.repeat(10_001), consent: '' }),
    );

    expect(result.status).toBe(400);
    expect(result.html).toContain('Nhập họ và tên của người gửi.');
    expect(result.html).toContain('vượt quá giới hạn 10000 ký tự');
    expect(result.html).toContain('Cần đồng ý cho xử lý dữ liệu cá nhân');
  });

  it('shows markup typed into fields as text, never as HTML', async () => {
    const script = '<script>alert("x")</script><b onmouseover=alert(1)>đậm</b>';
    const result = await postForm(
      testApp,
      host,
      validFields({ senderName: script, senderEmail: 'khong-hop-le', body: script }),
    );

    expect(result.status).toBe(400);
    expect(result.html).not.toContain('<script>alert');
    expect(result.html).not.toContain('<b onmouseover');
    expect(result.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('refuses a cross-site post', async () => {
    const before = await countCases();
    const result = await postForm(testApp, host, validFields(), {
      origin: 'https://evil.example',
    });

    expect(result.status).toBe(403);
    expect(await countCases()).toBe(before);
  });

  it('rejects a wrong proof-of-work solution', async () => {
    const solved = JSON.parse(
      Buffer.from(await solvedProofOfWork(testApp, host), 'base64').toString(),
    );
    const key: string = solved.solution.derivedKey;
    solved.solution.derivedKey = `${key[0] === 'a' ? 'b' : 'a'}${key.slice(1)}`;
    const forged = Buffer.from(JSON.stringify(solved)).toString('base64');

    const result = await postForm(testApp, host, validFields(), { proofOfWork: forged });

    expect(result.status).toBe(400);
    expect(result.html).toContain('chống thư rác chưa đúng');
    expect(result.html).toContain('value="Thủ tục cấp phép kéo dài quá hạn"');
  });

  it('rejects a replayed proof of work', async () => {
    const proofOfWork = await solvedProofOfWork(testApp, host);
    const first = await postForm(testApp, host, validFields(), { proofOfWork });
    const replay = await postForm(testApp, host, validFields(), { proofOfWork });

    expect(first.status).toBe(200);
    expect(replay.status).toBe(409);
    expect(replay.html).toContain('đã được dùng');
  });

  it('accepts the arithmetic answer without script', async () => {
    const page = await (await testApp.request(host, '/gop-y')).text();
    const [, first, second] = /(\d+) \+ (\d+) bằng bao nhiêu/.exec(page)!;
    const token = /name="arithmeticToken" value="([^"]+)"/.exec(page)![1]!;
    const fields = validFields({
      arithmeticToken: token,
      arithmeticAnswer: String(Number(first) + Number(second)),
    });

    const accepted = await postForm(testApp, host, fields, { proofOfWork: '' });
    const wrong = await postForm(
      testApp,
      host,
      { ...fields, arithmeticAnswer: String(Number(first) + Number(second) + 1) },
      { proofOfWork: '' },
    );

    expect(accepted.status).toBe(200);
    expect(wrong.status).toBe(400);
  });

  it('keeps the typed text when an attachment fails its check', async () => {
    const fake = new File(['<html><body>không phải PDF</body></html>'], 'bien-ban.pdf', {
      type: 'application/pdf',
    });

    const result = await postForm(testApp, host, validFields(), { files: [fake] });

    expect(result.status).toBe(400);
    expect(result.html).toContain('Tệp “bien-ban.pdf” không đạt yêu cầu kiểm tra');
    expect(result.html).toContain('Các tệp đã chọn trước đó cần được chọn lại.');
    expect(result.html).toContain('value="Trần Văn Minh"');
  });

  it('stores a valid attachment through the media checks', async () => {
    const pdf = new File(
      ['%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'],
      'don.pdf',
      { type: 'application/pdf' },
    );

    const result = await postForm(testApp, host, validFields(), { files: [pdf] });
    const [row] = await queryRows<{ count: number }>(
      database.db,
      sql`select jsonb_array_length(attachment_media_ids) as count from feedback_cases
           order by created_at desc limit 1`,
    );

    expect(result.status).toBe(200);
    expect(Number(row?.count)).toBe(1);
  });
});
