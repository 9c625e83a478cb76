import { useApp } from '../stores/app-context.tsx';
import { TextField } from './TextField.tsx';

export type PersonValues = { email: string; displayName: string; jobTitle: string };

export type PersonFieldsProps = {
  values: PersonValues;
  onChange: (field: keyof PersonValues, value: string) => void;
  fieldMessages: Record<string, string>;
};

/** Email, name and job title of a new account. */
export function PersonFields(props: PersonFieldsProps) {
  const { i18n } = useApp();

  return (
    <>
      <TextField
        label={i18n.t('person.email')}
        hint={i18n.t('person.emailHint')}
        type="email"
        autocomplete="off"
        spellcheck={false}
        value={props.values.email}
        onInput={(value) => props.onChange('email', value)}
        error={props.fieldMessages.email}
        maxLength={320}
        isRequired
        isAutofocus
      />
      <TextField
        label={i18n.t('person.name')}
        autocomplete="off"
        value={props.values.displayName}
        onInput={(value) => props.onChange('displayName', value)}
        error={props.fieldMessages.displayName}
        maxLength={200}
        isRequired
      />
      <TextField
        label={i18n.t('person.jobTitle')}
        autocomplete="off"
        value={props.values.jobTitle}
        onInput={(value) => props.onChange('jobTitle', value)}
        error={props.fieldMessages.jobTitle}
        maxLength={200}
        isOptional
      />
    </>
  );
}
