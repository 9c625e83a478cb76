import {
  kindLabels,
  publicStateLabels,
  rejectionReasonLabels,
  topicLabels,
  type FeedbackTopic,
} from './case-labels.ts';
import { feedbackPaths } from './paths.ts';
import { formatDate, formatDateTime } from './public-format.ts';
import type { PublicCaseView, PublishedAnswer } from './public-queries.ts';

/** The lookup form; `code` is what the visitor typed, `error` why it found nothing. */
export function LookupForm(props: { code?: string; error?: string | undefined }) {
  return (
    <form class="lookup-form feedback-form" method="post" action={feedbackPaths.lookup}>
      <div class={props.error ? 'field field-error' : 'field'}>
        <label for="fb-code">
          Mã tra cứu
          <span class="label-en" lang="en">
            Tracking code
          </span>
        </label>
        <p class="hint" id="fb-code-hint">
          Mã gồm 24 chữ cái và chữ số, ví dụ ABCD-EFGH-2345-JKLM-6789-NPQR. Không phân biệt chữ hoa,
          chữ thường và dấu gạch.
        </p>
        {props.error ? (
          <p class="error-message" id="fb-code-error" role="alert">
            {props.error}
          </p>
        ) : null}
        <input
          id="fb-code"
          name="code"
          type="text"
          value={props.code ?? ''}
          maxlength={60}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? 'fb-code-hint fb-code-error' : 'fb-code-hint'}
        />
      </div>
      <button type="submit">Tra cứu</button>
    </form>
  );
}

/** The status, public progress notes and, once published, the answer of one case. */
export function CaseStatus(props: { view: PublicCaseView }) {
  const { view } = props;
  return (
    <section aria-labelledby="fb-status-title">
      <h2 id="fb-status-title">Kết quả tra cứu</h2>
      <dl class="case-facts">
        <dt>Loại</dt>
        <dd>{kindLabels[view.kind]}</dd>
        <dt>Tiêu đề</dt>
        <dd class="plain-text">{view.subject}</dd>
        <dt>Ngày tiếp nhận</dt>
        <dd>{formatDate(view.receivedAt)}</dd>
        <dt>Tình trạng</dt>
        <dd>
          <strong>{publicStateLabels[view.status]}</strong>
          {view.rejectionReason ? ` (lý do: ${rejectionReasonLabels[view.rejectionReason]})` : ''}
        </dd>
        {view.dueAt && !view.answer ? (
          <>
            <dt>Thời hạn trả lời</dt>
            <dd>{formatDateTime(view.dueAt)}</dd>
          </>
        ) : null}
      </dl>
      {view.progressNotes.length > 0 ? (
        <>
          <h3>Thông tin tiến độ xử lý</h3>
          <ol>
            {view.progressNotes.map((note) => (
              <li>
                <p class="meta">{formatDateTime(note.occurredAt)}</p>
                <p class="plain-text">{note.note}</p>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {view.answer ? (
        <>
          <h3>Nội dung trả lời (đăng ngày {formatDate(view.answer.publishedAt)})</h3>
          <div class="plain-text">{view.answer.body}</div>
        </>
      ) : null}
    </section>
  );
}

/** The list of published answers, with links to the next and previous pages. */
export function AnswersList(props: { answers: PublishedAnswer[]; page: number; hasNext: boolean }) {
  if (props.answers.length === 0) {
    return <p>Chưa có câu trả lời nào được đăng.</p>;
  }

  return (
    <>
      <ol class="answer-list">
        {props.answers.map((answer) => (
          <li>
            <article aria-labelledby={`fb-answer-${answer.id}`}>
              <h2 id={`fb-answer-${answer.id}`} class="plain-text">
                {answer.subject}
              </h2>
              <p class="meta">
                {kindLabels[answer.kind]}
                {answer.topic && answer.topic in topicLabels
                  ? ` · ${topicLabels[answer.topic as FeedbackTopic]}`
                  : ''}{' '}
                · Tiếp nhận {formatDate(answer.receivedAt)} · Trả lời{' '}
                {formatDate(answer.publishedAt)}
              </p>
              <div class="plain-text">{answer.answer}</div>
            </article>
          </li>
        ))}
      </ol>
      <nav aria-label="Phân trang">
        {props.page > 1 ? (
          <a href={`${feedbackPaths.answers}?trang=${props.page - 1}`} rel="prev">
            Trang trước
          </a>
        ) : null}{' '}
        {props.hasNext ? (
          <a href={`${feedbackPaths.answers}?trang=${props.page + 1}`} rel="next">
            Trang sau
          </a>
        ) : null}
      </nav>
    </>
  );
}
