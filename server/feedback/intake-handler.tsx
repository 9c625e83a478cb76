import type { Context } from 'hono';

import type { AppEnv } from '../app-env.ts';
import { clientIp } from '../client-ip.ts';
import { AppError } from '../errors.ts';
import type { MediaStore } from '../media/index.ts';
import { portalBaseUrl } from '../site/urls.ts';
import { collectFiles, storeAttachments } from './attachments.ts';
import {
  issueArithmeticQuestion,
  verifyChallengeResponse,
  type ChallengeFailure,
  type ChallengeKeys,
} from './challenge.ts';
import type { FeedbackDependencies } from './dependencies.ts';
import { todayInVietnam, type DraftTarget } from './draft-target.ts';
import { submitFeedback } from './intake.ts';
import {
  emptyIntakeValues,
  readIntakeValues,
  validateIntake,
  type FieldErrors,
  type IntakeValues,
} from './intake-form.ts';
import { IntakeForm, SubmittedPage } from './intake-page.tsx';
import { feedbackPaths } from './paths.ts';
import { renderFeedbackPage } from './public-page.tsx';
import { consumeRateLimit, feedbackRateLimits, retryMinutes } from './rate-limit.ts';

const challengeMessages: Record<ChallengeFailure | 'replayed', string> = {
  missing: 'Trả lời câu hỏi kiểm tra chống thư rác.',
  invalid: 'Câu trả lời kiểm tra chống thư rác chưa đúng. Vui lòng trả lời câu hỏi mới.',
  expired: 'Phần kiểm tra chống thư rác đã hết hạn. Vui lòng trả lời câu hỏi mới.',
  replayed: 'Phần kiểm tra chống thư rác này đã được dùng. Vui lòng trả lời câu hỏi mới.',
};

/** The services the intake handler needs beyond the request. */
export type IntakeServices = {
  deps: FeedbackDependencies;
  keys: ChallengeKeys;
  mediaStore: MediaStore;
};

/** The form's values for a new comment on a draft, with the subject filled in. */
export function draftValues(draft: DraftTarget): IntakeValues {
  return { ...emptyIntakeValues, subject: `Góp ý dự thảo: ${draft.title}`.slice(0, 300) };
}

type RenderIntakeOptions = {
  values: IntakeValues;
  errors?: FieldErrors;
  draft?: DraftTarget | null;
  hadFiles?: boolean;
  status?: 200 | 400 | 409 | 429;
};

export function renderIntake(
  c: Context<AppEnv>,
  keys: ChallengeKeys,
  options: RenderIntakeOptions,
) {
  const { draft } = options;
  const title = draft ? `Góp ý dự thảo: ${draft.title}` : 'Gửi phản ánh, kiến nghị';
  const hasErrors = Object.keys(options.errors ?? {}).length > 0;

  return renderFeedbackPage(c, {
    title: hasErrors ? `Lỗi: ${title}` : title,
    status: options.status,
    isPrivate: hasErrors,
    isUncached: true,
    hasForm: true,
    body: (
      <>
        <h1>{title}</h1>
        {draft ? (
          <p>
            Dự thảo <a href={feedbackPaths.draft(draft.slug)}>{draft.title}</a> nhận ý kiến góp ý
            đến hết ngày {draft.closesOn.split('-').reverse().join('/')}.
          </p>
        ) : (
          <p>
            Gửi phản ánh về việc giải quyết thủ tục hành chính, hoặc kiến nghị về quy định hành
            chính. Sau khi gửi, bạn nhận một mã để <a href={feedbackPaths.lookup}>tra cứu</a> kết
            quả xử lý.
          </p>
        )}
        <IntakeForm
          tenant={c.var.tenant}
          action={draft ? feedbackPaths.draftComment(draft.slug) : feedbackPaths.form}
          values={options.values}
          errors={options.errors ?? {}}
          question={issueArithmeticQuestion(keys, c.var.tenant.id)}
          isDraftComment={Boolean(draft)}
          hadFiles={options.hadFiles}
        />
      </>
    ),
  });
}

export function renderDraftClosed(c: Context<AppEnv>, draft: DraftTarget, status: 200 | 409) {
  const isUpcoming = todayInVietnam() < draft.opensOn;
  const toDisplay = (date: string) => date.split('-').reverse().join('/');

  return renderFeedbackPage(c, {
    title: `Góp ý dự thảo: ${draft.title}`,
    status,
    body: (
      <>
        <h1>Góp ý dự thảo: {draft.title}</h1>
        <p>
          {isUpcoming
            ? `Dự thảo bắt đầu nhận góp ý từ ngày ${toDisplay(draft.opensOn)}.`
            : `Thời gian lấy ý kiến đã kết thúc vào ngày ${toDisplay(draft.closesOn)}.`}
        </p>
        <p>
          <a href={feedbackPaths.draft(draft.slug)}>Xem dự thảo</a>
        </p>
      </>
    ),
  });
}

export function TooLargeNotice() {
  return (
    <>
      <h1>Tệp đính kèm quá lớn</h1>
      <p>
        Nội dung gửi lên vượt quá dung lượng cho phép, nên chưa được tiếp nhận. Vui lòng quay lại,
        chọn tệp nhỏ hơn (mỗi tệp đến 10 MB) và gửi lại.
      </p>
      <p>
        <a href={feedbackPaths.form}>Quay lại biểu mẫu</a>
      </p>
    </>
  );
}

/** Builds the lookup page's URL on the portal's canonical host, as the visitor reaches it. */
function lookupUrlOf(c: Context<AppEnv>): string {
  return `${portalBaseUrl(c.var.origin, c.var.tenant.canonicalHost)}${feedbackPaths.lookup}`;
}

async function checkSubmissionLimits(c: Context<AppEnv>, email: string | null) {
  const address = clientIp(c) ?? 'unknown';
  const byAddress = await consumeRateLimit(c.var.db, feedbackRateLimits.submitPerAddress, address);
  if (!byAddress.isAllowed) {
    return byAddress;
  }
  if (email) {
    const byEmail = await consumeRateLimit(c.var.db, feedbackRateLimits.submitPerEmail, email);
    if (!byEmail.isAllowed) {
      return byEmail;
    }
  }

  return null;
}

/**
 * Takes one posted form: checks the fields, the rate limits, the anti-spam response and the
 * attachments, in that order, and stores the case. Every failure shows the form again with
 * what was typed and a message at the top and at the field.
 */
export async function handleIntake(
  c: Context<AppEnv>,
  services: IntakeServices,
  draft: DraftTarget | null,
) {
  const { deps, keys } = services;
  const body = await c.req.parseBody({ all: true });
  const values = readIntakeValues(body);
  const files = collectFiles(body.attachments);
  const again = (errors: FieldErrors, status: 400 | 409 | 429 = 400) =>
    renderIntake(c, keys, { values, errors, draft, hadFiles: files.length > 0, status });

  const checked = validateIntake(values, { isKindFixed: Boolean(draft) });
  if ('errors' in checked) {
    return again(checked.errors);
  }
  const limited = await checkSubmissionLimits(c, checked.input.senderEmail);
  if (limited) {
    c.header('Retry-After', String(limited.retryAfterSeconds));
    const minutes = retryMinutes(limited);
    return again(
      {
        form: `Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ${minutes} phút.`,
      },
      429,
    );
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const passed = await verifyChallengeResponse(keys, c.var.tenant.id, {
    proofOfWork: text(body.proofOfWork),
    arithmeticToken: text(body.arithmeticToken),
    arithmeticAnswer: text(body.arithmeticAnswer),
  });
  if (typeof passed === 'string') {
    return again({ challenge: challengeMessages[passed] });
  }

  try {
    const attachmentMediaIds = await storeAttachments(c.var.db, services.mediaStore, {
      tenantId: c.var.tenant.id,
      files,
      log: c.var.log,
    });
    const submitted = await submitFeedback(deps, {
      tenantId: c.var.tenant.id,
      kind: draft ? 'draft_comment' : checked.input.kind,
      draftItemId: draft?.id ?? null,
      intake: checked.input,
      attachmentMediaIds,
      challenge: passed,
      requestId: c.var.requestId,
      lookupUrl: lookupUrlOf(c),
    });
    c.var.log.info({ caseId: submitted.caseId, kind: checked.input.kind }, 'feedback received');
    return renderFeedbackPage(c, {
      title: 'Đã gửi thành công',
      isPrivate: true,
      body: (
        <SubmittedPage
          trackingCode={submitted.trackingCode}
          isMailed={Boolean(checked.input.senderEmail) && deps.notifier.canMailSenders}
        />
      ),
    });
  } catch (error) {
    const field = error instanceof AppError ? error.fields[0]?.field : undefined;
    if (field === 'attachments') {
      return again({ attachments: (error as AppError).message });
    }
    if (field === 'challenge') {
      return again({ challenge: challengeMessages.replayed }, 409);
    }
    throw error;
  }
}
