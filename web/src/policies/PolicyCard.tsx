import { createUniqueId, Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { formatBounds, formatValue } from './format-value.ts';
import type { Policy } from './types.ts';

export type PolicyCardProps = {
  policy: Policy;
  /** The portal whose effective value is shown; absent when only the board's values are. */
  portalName: string | undefined;
  canManageDefault: boolean;
  canOverride: boolean;
  onEditDefault: () => void;
  onOverride: () => void;
  onHistory: () => void;
};

/** One policy: what it governs, the value in force and where it comes from, and its rules. */
export function PolicyCard(props: PolicyCardProps) {
  const { i18n } = useApp();
  const titleId = createUniqueId();
  const name = () => props.policy.label[i18n.locale()];
  const format = (value: unknown) => formatValue(props.policy, value, i18n);
  const override = () => props.policy.override;

  return (
    <article class="policy-card" aria-labelledby={titleId} data-policy={props.policy.key}>
      <header class="policy-card__header">
        <h3 id={titleId} class="policy-card__title">
          {name()}
        </h3>
        <ul class="badges" aria-label={i18n.t('policies.card.marks')}>
          <Show when={props.policy.scope === 'platform'}>
            <li class="badge">{i18n.t('policies.card.platformWide')}</li>
          </Show>
          <Show when={props.policy.isLocked}>
            <li class="badge badge--warning">{i18n.t('policies.card.locked')}</li>
          </Show>
          <Show when={props.policy.source === 'tenant'}>
            <li class="badge badge--current">{i18n.t('policies.card.hasOverride')}</li>
          </Show>
        </ul>
      </header>
      <p class="policy-card__description">{props.policy.description[i18n.locale()]}</p>
      <dl class="details policy-card__facts">
        <div class="policy-card__fact policy-card__fact--wide">
          <dt>
            {props.portalName
              ? i18n.t('policies.card.effectiveFor', { portal: props.portalName })
              : i18n.t('policies.card.effective')}
          </dt>
          <dd class="policy-card__value">{format(props.policy.value)}</dd>
        </div>
        <div class="policy-card__fact">
          <dt>{i18n.t('policies.card.source')}</dt>
          <dd>{i18n.t(`policies.source.${props.policy.source}`)}</dd>
        </div>
        <Show when={props.policy.source === 'tenant'}>
          <div class="policy-card__fact">
            <dt>{i18n.t('policies.card.boardValue')}</dt>
            <dd>{format(props.policy.boardValue)}</dd>
          </div>
        </Show>
        <Show when={override() && override()!.status !== 'in_force'}>
          <div class="policy-card__fact policy-card__fact--wide">
            <dt>{i18n.t('policies.card.override')}</dt>
            <dd>
              {format(override()!.value)}
              <span class="table__sub">
                {i18n.t(`policies.override.status.${override()!.status}`)}
                <Show when={override()!.problem}>
                  {' '}
                  <span lang="en">({override()!.problem})</span>
                </Show>
              </span>
            </dd>
          </div>
        </Show>
        <Show when={props.policy.hasBounds}>
          <div class="policy-card__fact">
            <dt>{i18n.t('policies.card.bounds')}</dt>
            <dd>{formatBounds(props.policy, i18n)}</dd>
          </div>
        </Show>
        <div class="policy-card__fact">
          <dt>{i18n.t('policies.card.direction')}</dt>
          <dd>{i18n.t(`policies.direction.${props.policy.direction}`)}</dd>
        </div>
        <Show when={props.policy.scope === 'tenant'}>
          <div class="policy-card__fact">
            <dt>{i18n.t('policies.card.lock')}</dt>
            <dd>
              {props.policy.isLocked
                ? i18n.t('policies.card.lockOn')
                : i18n.t('policies.card.lockOff')}
            </dd>
          </div>
        </Show>
      </dl>
      <div class="policy-card__actions">
        <Show when={props.canManageDefault}>
          <button
            type="button"
            class="button button--primary"
            onClick={() => props.onEditDefault()}
          >
            {i18n.t('policies.card.editDefault')}
            <span class="visually-hidden">: {name()}</span>
          </button>
        </Show>
        <Show when={props.canOverride}>
          <button type="button" class="button button--secondary" onClick={() => props.onOverride()}>
            {override()
              ? i18n.t('policies.card.editOverride')
              : i18n.t('policies.card.addOverride')}
            <span class="visually-hidden">: {name()}</span>
          </button>
        </Show>
        <button type="button" class="button button--quiet" onClick={() => props.onHistory()}>
          {i18n.t('policies.card.history')}
          <span class="visually-hidden">: {name()}</span>
        </button>
      </div>
    </article>
  );
}
