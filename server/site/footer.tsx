import type { Child } from 'hono/jsx';

import type { TenantOperator } from '../db/schema/index.ts';
import { missingOperatorFields } from '../policies/operator.ts';
import type { ResolvedTenant } from '../tenancy/tenant-directory.ts';
import { sitePaths } from './urls.ts';

/** Shown in place of a footer field that the board requires and the portal has left empty. */
export const missingOperatorValue = 'Chưa cập nhật';

type FieldPath =
  | 'agency.vi'
  | 'agency.en'
  | 'responsiblePerson'
  | 'responsibleTitle.vi'
  | 'address.vi'
  | 'address.en'
  | 'phone'
  | 'fax'
  | 'email';

type OperatorField = {
  /** Whether the field is shown: when it has a value, or when a policy requires it. */
  isShown: boolean;
  /** The value, or the placeholder element when a required value is missing. */
  content: Child;
};

function textOf(operator: TenantOperator, path: FieldPath): string {
  const values: Record<FieldPath, string | undefined> = {
    'agency.vi': operator.agency.vi,
    'agency.en': operator.agency.en,
    responsiblePerson: operator.responsiblePerson,
    'responsibleTitle.vi': operator.responsibleTitle?.vi,
    'address.vi': operator.address.vi,
    'address.en': operator.address.en,
    phone: operator.phone,
    fax: operator.fax,
    email: operator.email,
  };

  return values[path]?.trim() ?? '';
}

/**
 * Reads the operator's fields for the footer. A field that the effective
 * `site.required_operator_fields` lists is always shown, with a visible placeholder where the
 * portal has no value, so a gap is seen and fixed instead of silently hidden. Other fields are
 * shown only when they have a value.
 */
function operatorFields(
  tenant: ResolvedTenant,
  requiredFields: readonly string[],
): (path: FieldPath, render?: (text: string) => Child) => OperatorField {
  const missing = new Set(missingOperatorFields(tenant, requiredFields));
  const required = new Set(requiredFields);

  return (path, render = (text) => text) => {
    const text = textOf(tenant.operator, path);
    if (missing.has(path)) {
      return { isShown: true, content: <em class="operator-missing">{missingOperatorValue}</em> };
    }
    return { isShown: text !== '' || required.has(path), content: render(text) };
  };
}

/** Joins the shown parts of one footer line with a separator. */
function joined(parts: Child[], separator: string): Child[] {
  return parts.flatMap((part, index) => (index === 0 ? [part] : [separator, part]));
}

export type FooterProps = {
  tenant: ResolvedTenant;
  /** The effective `site.required_operator_fields` of the tenant. */
  requiredOperatorFields: readonly string[];
};

/** The footer of every full public page: the portal's name, its operator and the feed links. */
export function Footer(props: FooterProps) {
  const field = operatorFields(props.tenant, props.requiredOperatorFields);
  const agency = field('agency.vi');
  const agencyEn = field('agency.en', (text) => <span lang="en">{text}</span>);
  const person = field('responsiblePerson');
  const title = field('responsibleTitle.vi');
  const address = field('address.vi');
  const addressEn = field('address.en', (text) => <span lang="en">{text}</span>);
  const contacts = [
    { label: 'Điện thoại', ...field('phone') },
    { label: 'Fax', ...field('fax') },
    {
      label: 'Thư điện tử',
      ...field('email', (text) => <a href={`mailto:${text}`}>{text}</a>),
    },
  ].filter((contact) => contact.isShown);

  return (
    <footer class="site-footer">
      <div class="wrap">
        <p>
          <strong>{props.tenant.nameVi}</strong>
        </p>
        {agency.isShown ? <p>Cơ quan chủ quản: {agency.content}</p> : null}
        {agencyEn.isShown ? <p>Tên tiếng Anh của cơ quan chủ quản: {agencyEn.content}</p> : null}
        {person.isShown || title.isShown ? (
          <p>
            Chịu trách nhiệm nội dung:{' '}
            {joined(
              [person, title].filter((part) => part.isShown).map((part) => part.content),
              ', ',
            )}
          </p>
        ) : null}
        {address.isShown ? <p>Địa chỉ: {address.content}</p> : null}
        {addressEn.isShown ? <p>Địa chỉ bằng tiếng Anh: {addressEn.content}</p> : null}
        {contacts.length > 0 ? (
          <p>
            {joined(
              contacts.map((contact) => (
                <>
                  {contact.label}: {contact.content}
                </>
              )),
              ' · ',
            )}
          </p>
        ) : null}
        <p class="footer-links">
          <a href={sitePaths.rss}>Tin mới qua RSS</a> ·{' '}
          <a href={sitePaths.sitemap}>Sơ đồ cổng (XML)</a>
        </p>
      </div>
    </footer>
  );
}
