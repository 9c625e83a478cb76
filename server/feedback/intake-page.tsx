import type { ResolvedTenant } from '../tenancy/tenant-directory.ts';
import { attachmentExtensions, maxAttachments } from './attachments.ts';
import type { ArithmeticQuestion } from './challenge.ts';
import { describedBy, ErrorSummary, FieldFrame, fieldId, TextField } from './form-fields.tsx';
import { fieldLimits, type FieldErrors, type IntakeValues } from './intake-form.ts';
import { feedbackPaths } from './paths.ts';
import { personalDataRetentionDays } from './retention.ts';

export type IntakeFormProps = {
  tenant: ResolvedTenant;
  /** The form's target: the portal's form, or a draft's comment form. */
  action: string;
  values: IntakeValues;
  errors: FieldErrors;
  question: ArithmeticQuestion;
  /** Comments on a draft have no kind to choose. */
  isDraftComment?: boolean;
  /** Set when files were chosen but the form came back, since a browser cannot keep them. */
  hadFiles?: boolean;
};

function KindChoice(props: { values: IntakeValues; errors: FieldErrors }) {
  const error = props.errors.kind;
  const options = [
    { value: 'feedback', label: 'Phản ánh', labelEn: 'Feedback: report a problem' },
    { value: 'petition', label: 'Kiến nghị', labelEn: 'Petition: propose a change' },
  ];
  return (
    <fieldset
      id={fieldId('kind')}
      class={error ? 'field field-error' : 'field'}
      aria-describedby={error ? `${fieldId('kind')}-error` : undefined}
    >
      <legend>
        Loại (bắt buộc)
        <span class="label-en" lang="en">
          Type
        </span>
      </legend>
      {error ? (
        <p class="error-message" id={`${fieldId('kind')}-error`}>
          {error}
        </p>
      ) : null}
      {options.map((option) => (
        <label class="choice">
          <input
            type="radio"
            name="kind"
            value={option.value}
            checked={props.values.kind === option.value}
          />
          <span>
            {option.label}
            <span class="label-en" lang="en">
              {option.labelEn}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function PrivacyNotice(props: { tenant: ResolvedTenant }) {
  const years = Math.round(personalDataRetentionDays / 365);
  return (
    <section class="privacy-notice" aria-labelledby="fb-privacy-title">
      <h2 id="fb-privacy-title">Thông báo về xử lý dữ liệu cá nhân</h2>
      <p>
        {props.tenant.nameVi} thu thập họ tên, thư điện tử, số điện thoại và tên cơ quan, tổ chức mà
        bạn cung cấp chỉ để tiếp nhận, xử lý và trả lời nội dung này, và để liên hệ với bạn khi cần
        làm rõ. Nội dung có thể được chuyển đến đơn vị có thẩm quyền xử lý.
      </p>
      <p>
        Thông tin liên hệ chỉ cán bộ trực tiếp xử lý được xem, không đăng công khai và được xoá sau{' '}
        {years} năm kể từ khi kết thúc xử lý. Tiêu đề và nội dung trả lời có thể được đăng công
        khai, vì vậy xin đừng ghi thông tin cá nhân vào tiêu đề.
      </p>
    </section>
  );
}

function AntispamCheck(props: { question: ArithmeticQuestion; errors: FieldErrors }) {
  const error = props.errors.challenge;
  return (
    <div class={error ? 'field field-error' : 'field'} id="fb-arithmetic">
      <label for="fb-arithmeticAnswer">
        Câu hỏi kiểm tra chống thư rác: {props.question.question} bằng bao nhiêu?
        <span class="label-en" lang="en">
          Anti-spam check: what is {props.question.question}?
        </span>
      </label>
      <p class="hint" id="fb-arithmeticAnswer-hint">
        Khi trình duyệt chạy JavaScript, việc kiểm tra diễn ra tự động và câu hỏi này được ẩn đi.
      </p>
      {error ? (
        <p class="error-message" id="fb-arithmeticAnswer-error">
          {error}
        </p>
      ) : null}
      <input
        id="fb-arithmeticAnswer"
        name="arithmeticAnswer"
        type="text"
        inputmode="numeric"
        maxlength={3}
        autocomplete="off"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy('arithmeticAnswer', error, true)}
      />
      <input type="hidden" name="arithmeticToken" value={props.question.token} />
    </div>
  );
}

/** Renders the intake form, every field labelled and each problem shown at the top and at its field. */
export function IntakeForm(props: IntakeFormProps) {
  const { values, errors } = props;
  return (
    <form
      class="feedback-form"
      method="post"
      action={props.action}
      enctype="multipart/form-data"
      novalidate
      data-proof-of-work={feedbackPaths.challenge}
    >
      <ErrorSummary errors={errors} />
      {props.isDraftComment ? null : <KindChoice values={values} errors={errors} />}
      <TextField
        name="senderName"
        label="Họ và tên"
        labelEn="Full name"
        isRequired
        autocomplete="name"
        values={values}
        errors={errors}
      />
      <TextField
        name="senderEmail"
        type="email"
        label="Thư điện tử"
        labelEn="Email"
        hint="Nhập thư điện tử, số điện thoại hoặc cả hai: cần ít nhất một cách liên hệ."
        autocomplete="email"
        values={values}
        errors={errors}
      />
      <TextField
        name="senderPhone"
        type="tel"
        label="Số điện thoại"
        labelEn="Phone"
        autocomplete="tel"
        values={values}
        errors={errors}
      />
      <TextField
        name="senderOrganisation"
        label="Cơ quan, tổ chức"
        labelEn="Organisation (optional)"
        autocomplete="organization"
        values={values}
        errors={errors}
      />
      <TextField
        name="subject"
        label="Tiêu đề"
        labelEn="Subject"
        isRequired
        hint="Tiêu đề có thể được đăng công khai cùng câu trả lời."
        values={values}
        errors={errors}
      />
      <FieldFrame
        name="body"
        label="Nội dung"
        labelEn="Message"
        isRequired
        hint={`Từ ${fieldLimits.body.min} đến ${fieldLimits.body.max} ký tự.`}
        error={errors.body}
      >
        <textarea
          id={fieldId('body')}
          name="body"
          rows={10}
          maxlength={fieldLimits.body.max}
          aria-invalid={errors.body ? 'true' : undefined}
          aria-describedby={describedBy('body', errors.body, true)}
        >
          {values.body}
        </textarea>
      </FieldFrame>
      <FieldFrame
        name="attachments"
        label="Tệp đính kèm"
        labelEn="Attachments (optional)"
        hint={
          `Tối đa ${maxAttachments} tệp ${attachmentExtensions.join(', ')}, mỗi tệp đến 10 MB.` +
          (props.hadFiles ? ' Các tệp đã chọn trước đó cần được chọn lại.' : '')
        }
        error={errors.attachments}
      >
        <input
          id={fieldId('attachments')}
          name="attachments"
          type="file"
          multiple
          accept={attachmentExtensions.map((extension) => `.${extension.toLowerCase()}`).join(',')}
          aria-invalid={errors.attachments ? 'true' : undefined}
          aria-describedby={describedBy('attachments', errors.attachments, true)}
        />
      </FieldFrame>
      <PrivacyNotice tenant={props.tenant} />
      <div class={errors.consent ? 'field field-error' : 'field'}>
        {errors.consent ? (
          <p class="error-message" id={`${fieldId('consent')}-error`}>
            {errors.consent}
          </p>
        ) : null}
        <label class="choice">
          <input
            id={fieldId('consent')}
            type="checkbox"
            name="consent"
            value="yes"
            checked={values.consent}
            aria-invalid={errors.consent ? 'true' : undefined}
            aria-describedby={errors.consent ? `${fieldId('consent')}-error` : undefined}
          />
          <span>
            Tôi đã đọc thông báo trên và đồng ý cho xử lý dữ liệu cá nhân của tôi theo đúng mục đích
            đã nêu (bắt buộc).
            <span class="label-en" lang="en">
              I consent to the processing of my personal data for the purpose above.
            </span>
          </span>
        </label>
      </div>
      <AntispamCheck question={props.question} errors={errors} />
      <input type="hidden" name="proofOfWork" value="" />
      <p id="fb-antispam-status" role="status" aria-live="polite"></p>
      <button type="submit">Gửi</button>
    </form>
  );
}

/** Renders the page shown once a case is stored, with the tracking code, shown this once only. */
export function SubmittedPage(props: { trackingCode: string; isMailed: boolean }) {
  return (
    <>
      <h1>Đã gửi thành công</h1>
      <p>Cơ quan đã tiếp nhận nội dung của bạn. Mã tra cứu của bạn là:</p>
      <p class="tracking-code" id="fb-tracking-code">
        {props.trackingCode}
      </p>
      <p>
        Hãy ghi lại hoặc in trang này: mã chỉ hiện một lần, cổng không lưu mã ở dạng đọc được và
        không thể cấp lại.{' '}
        {props.isMailed
          ? 'Cổng cũng gửi mã này đến địa chỉ thư điện tử bạn đã nhập.'
          : 'Cổng không gửi mã này qua thư điện tử.'}
      </p>
      <p>
        Dùng mã này tại trang <a href={feedbackPaths.lookup}>Tra cứu kết quả xử lý</a> để xem tình
        trạng xử lý và câu trả lời.
      </p>
    </>
  );
}
