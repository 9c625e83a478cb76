import { Breadcrumbs, FactList, trailFrom } from '../site/components.tsx';
import { formatDate, formatDateTime, formatIsoDate } from '../site/dates.ts';
import type { PublicDossierView } from './lookup.ts';
import { lookupDigitCount } from './lookup-secret.ts';
import { servicePaths } from './paths.ts';

/** The names of the lookup form's fields. */
export const lookupFields = { code: 'ma-ho-so', digits: 'so-cuoi-dien-thoai' } as const;

/** The result shown with the form; `found` is the only outcome that names a dossier. */
export type LookupOutcome =
  | { kind: 'form' }
  | { kind: 'invalid'; problems: { field: keyof typeof lookupFields; message: string }[] }
  | { kind: 'not_found' }
  | { kind: 'rate_limited'; retryAfterMinutes: number }
  | { kind: 'found'; dossier: PublicDossierView };

function problemFor(outcome: LookupOutcome, field: keyof typeof lookupFields) {
  return outcome.kind === 'invalid'
    ? outcome.problems.find((problem) => problem.field === field)?.message
    : undefined;
}

function LookupForm(props: { outcome: LookupOutcome }) {
  const codeProblem = problemFor(props.outcome, 'code');
  const digitsProblem = problemFor(props.outcome, 'digits');
  return (
    <form class="filters" method="post" action={servicePaths.lookup}>
      <div class="field">
        <label for="ma-ho-so">Mã hồ sơ</label>
        <input
          id="ma-ho-so"
          type="text"
          name={lookupFields.code}
          aria-required="true"
          maxlength={64}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={codeProblem ? 'true' : undefined}
          aria-describedby={codeProblem ? 'goi-y-ma-ho-so loi-ma-ho-so' : 'goi-y-ma-ho-so'}
        />
        <p class="meta" id="goi-y-ma-ho-so">
          Mã in trên giấy tiếp nhận hồ sơ hoặc trong tin nhắn của đơn vị.
        </p>
        {codeProblem ? (
          <p class="field-error" id="loi-ma-ho-so">
            {codeProblem}
          </p>
        ) : null}
      </div>
      <div class="field">
        <label for="so-cuoi-dien-thoai">{lookupDigitCount} chữ số cuối của số điện thoại</label>
        <input
          id="so-cuoi-dien-thoai"
          type="text"
          name={lookupFields.digits}
          aria-required="true"
          inputmode="numeric"
          pattern={`[0-9]{${lookupDigitCount}}`}
          maxlength={lookupDigitCount}
          autocomplete="off"
          aria-invalid={digitsProblem ? 'true' : undefined}
          aria-describedby={
            digitsProblem ? 'goi-y-so-dien-thoai loi-so-dien-thoai' : 'goi-y-so-dien-thoai'
          }
        />
        <p class="meta" id="goi-y-so-dien-thoai">
          Số điện thoại đã khai khi nộp hồ sơ.
        </p>
        {digitsProblem ? (
          <p class="field-error" id="loi-so-dien-thoai">
            {digitsProblem}
          </p>
        ) : null}
      </div>
      <div class="form-actions">
        <button type="submit">Tra cứu</button>
      </div>
    </form>
  );
}

function DossierProgress(props: { dossier: PublicDossierView }) {
  const { dossier } = props;
  return (
    <section aria-labelledby="ket-qua-tra-cuu">
      <h2 id="ket-qua-tra-cuu">Hồ sơ {dossier.code}</h2>
      <div class="facts-block">
        <FactList
          rows={[
            ['Trạng thái', <strong>{dossier.statusLabel}</strong>],
            ['Dịch vụ', dossier.service.nameVi],
            ['Đơn vị giải quyết', dossier.unit.nameVi],
            ['Ngày tiếp nhận', formatIsoDate(dossier.receivedOn)],
            ['Hạn giải quyết', dossier.dueAt ? formatDateTime(dossier.dueAt) : undefined],
            ['Ngày hoàn thành', dossier.finishedAt ? formatDate(dossier.finishedAt) : undefined],
          ]}
        />
      </div>
      <h3>Quá trình giải quyết</h3>
      <div class="table-scroll">
        <table class="data-table">
          <caption class="visually-hidden">Các bước giải quyết hồ sơ {dossier.code}</caption>
          <thead>
            <tr>
              <th scope="col">Thời gian</th>
              <th scope="col">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {dossier.history.map((step) => (
              <tr>
                <td>
                  <time datetime={step.occurredAt.toISOString()}>
                    {formatDateTime(step.occurredAt)}
                  </time>
                </td>
                <td>{step.statusLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function OutcomeNotice(props: { outcome: LookupOutcome }) {
  const { outcome } = props;
  if (outcome.kind === 'not_found') {
    return (
      <div class="error-summary" role="alert">
        <p>
          Không tìm thấy hồ sơ khớp với mã hồ sơ và {lookupDigitCount} chữ số cuối của số điện thoại
          đã nhập. Vui lòng kiểm tra lại mã trên giấy tiếp nhận.
        </p>
      </div>
    );
  }
  if (outcome.kind === 'rate_limited') {
    return (
      <div class="error-summary" role="alert">
        <p>
          Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau{' '}
          {outcome.retryAfterMinutes} phút.
        </p>
      </div>
    );
  }
  if (outcome.kind === 'invalid') {
    return (
      <div class="error-summary" role="alert">
        <p>Thông tin tra cứu chưa hợp lệ, vui lòng xem lại các ô được đánh dấu.</p>
      </div>
    );
  }

  return null;
}

/** Renders the public dossier lookup: the form, and the progress of the dossier found. */
export function LookupPage(props: { outcome: LookupOutcome; isMain: boolean }) {
  return (
    <>
      <Breadcrumbs
        trail={trailFrom(
          { href: servicePaths.catalogue, label: 'Dịch vụ công trực tuyến' },
          { label: 'Tra cứu hồ sơ' },
        )}
      />
      <h1>Tra cứu tiến độ giải quyết hồ sơ</h1>
      <p class="lead">
        {props.isMain
          ? 'Tra cứu hồ sơ dịch vụ công đã nộp tại các đơn vị thuộc Bộ.'
          : 'Tra cứu hồ sơ dịch vụ công đã nộp tại đơn vị.'}{' '}
        Trang chỉ hiển thị tiến độ, không hiển thị thông tin cá nhân của người nộp.
      </p>
      <OutcomeNotice outcome={props.outcome} />
      <LookupForm outcome={props.outcome} />
      {props.outcome.kind === 'found' ? <DossierProgress dossier={props.outcome.dossier} /> : null}
    </>
  );
}
