import { createUniqueId } from 'solid-js';

import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { tenantName } from '../components/tenant-name.ts';
import { useApp } from '../stores/app-context.tsx';
import {
  feedbackStateNames,
  feedbackTopicNames,
  stateLabel,
  topicLabel,
  type FeedbackState,
  type FeedbackTopic,
  type PortalName,
} from './feedback-names.ts';

/** The inbox's filters, as read from the address. */
export type CaseFilterValues = {
  status: FeedbackState | undefined;
  topic: FeedbackTopic | undefined;
  responsibleTenantId: string | undefined;
  isOverdue: boolean;
  receivedFrom: string | undefined;
  receivedTo: string | undefined;
};

export type CaseFilterName = keyof CaseFilterValues;

export type CaseFiltersProps = {
  values: CaseFilterValues;
  units: readonly PortalName[];
  onChange: (name: CaseFilterName, value: string) => void;
};

/** The filter bar of the inbox: state, topic, responsible unit, overdue only, received dates. */
export function CaseFilters(props: CaseFiltersProps) {
  const { i18n } = useApp();
  const overdueId = createUniqueId();

  return (
    <div class="toolbar feedback-filters" role="search" aria-label={i18n.t('feedback.filters')}>
      <SelectField
        label={i18n.t('feedback.status')}
        value={props.values.status ?? ''}
        emptyLabel={i18n.t('feedback.allStatuses')}
        options={feedbackStateNames.map((state) => ({
          value: state,
          label: i18n.t(stateLabel(state)),
        }))}
        onChange={(value) => props.onChange('status', value)}
      />
      <SelectField
        label={i18n.t('feedback.topic')}
        value={props.values.topic ?? ''}
        emptyLabel={i18n.t('feedback.allTopics')}
        options={feedbackTopicNames.map((topic) => ({
          value: topic,
          label: i18n.t(topicLabel(topic)),
        }))}
        onChange={(value) => props.onChange('topic', value)}
      />
      <SelectField
        label={i18n.t('feedback.responsibleUnit')}
        value={props.values.responsibleTenantId ?? ''}
        emptyLabel={i18n.t('feedback.allUnits')}
        options={props.units.map((unit) => ({
          value: unit.id,
          label: tenantName(unit, i18n.locale()),
        }))}
        onChange={(value) => props.onChange('responsibleTenantId', value)}
      />
      <TextField
        type="date"
        label={i18n.t('feedback.receivedFrom')}
        value={props.values.receivedFrom ?? ''}
        onInput={(value) => props.onChange('receivedFrom', value)}
      />
      <TextField
        type="date"
        label={i18n.t('feedback.receivedTo')}
        value={props.values.receivedTo ?? ''}
        onInput={(value) => props.onChange('receivedTo', value)}
      />
      <label class="checkbox feedback-filters__overdue" for={overdueId}>
        <input
          id={overdueId}
          type="checkbox"
          checked={props.values.isOverdue}
          onChange={(event) => props.onChange('isOverdue', event.currentTarget.checked ? '1' : '')}
        />
        <span>{i18n.t('feedback.overdueOnly')}</span>
      </label>
    </div>
  );
}
