import type { Child } from 'hono/jsx';

import { fieldLimits, type FieldErrors, type IntakeValues } from './intake-form.ts';

/** The order of fields in the form, which the error summary follows. */
const fieldOrder = [
  'form',
  'kind',
  'senderName',
  'senderEmail',
  'senderPhone',
  'senderOrganisation',
  'subject',
  'body',
  'attachments',
  'consent',
  'challenge',
] as const;

export const fieldId = (name: string) => `fb-${name}`;

export function describedBy(name: string, error: string | undefined, hasHint: boolean) {
  const ids = [hasHint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : '']
    .filter(Boolean)
    .join(' ');

  return ids || undefined;
}

export function ErrorSummary(props: { errors: FieldErrors }) {
  const problems = fieldOrder.flatMap((name) => {
    const message = props.errors[name];
    return message ? [{ name, message }] : [];
  });
  if (problems.length === 0) {
    return null;
  }

  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="fb-error-summary-title">
      <h2 id="fb-error-summary-title">Chưa gửi được. Vui lòng sửa {problems.length} lỗi sau:</h2>
      <ul>
        {problems.map((problem) =>
          problem.name === 'form' ? (
            <li>{problem.message}</li>
          ) : (
            <li>
              <a
                href={`#${problem.name === 'challenge' ? 'fb-arithmeticAnswer' : fieldId(problem.name)}`}
              >
                {problem.message}
              </a>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

export type FieldFrameProps = {
  name: keyof FieldErrors;
  label: string;
  labelEn: string;
  isRequired?: boolean;
  hint?: string;
  error: string | undefined;
  children: Child;
};

export function FieldFrame(props: FieldFrameProps) {
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={fieldId(props.name)}>
        {props.label}
        {props.isRequired ? ' (bắt buộc)' : ''}
        <span class="label-en" lang="en">
          {props.labelEn}
        </span>
      </label>
      {props.hint ? (
        <p class="hint" id={`${fieldId(props.name)}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="error-message" id={`${fieldId(props.name)}-error`}>
          <span class="visually-hidden">Lỗi: </span>
          {props.error}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

type TextFieldProps = Omit<FieldFrameProps, 'children' | 'error'> & {
  name: keyof typeof fieldLimits;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  values: IntakeValues;
  errors: FieldErrors;
};

export function TextField(props: TextFieldProps) {
  const error = props.errors[props.name];
  return (
    <FieldFrame {...props} error={error}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.values[props.name]}
        maxlength={fieldLimits[props.name].max}
        autocomplete={props.autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, error, Boolean(props.hint))}
      />
    </FieldFrame>
  );
}
