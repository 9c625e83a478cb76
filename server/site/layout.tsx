import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

import type { ResolvedTenant } from '../tenancy/tenant-directory.ts';
import { siteStylesheet } from './assets.ts';
import { sitePaths } from './urls.ts';

export type LayoutProps = {
  tenant: ResolvedTenant;
  /** The page's own title; the portal's name is appended. */
  title: string;
  description?: string;
  canonicalUrl: string;
  currentPath: string;
  /** The CSP nonce of this response, for the inline theme style. */
  styleNonce: string | undefined;
  children: Child;
};

/** hono/jsx renders elements only, so the doctype is written as raw markup. */
export const doctype = raw('<!DOCTYPE html>');

const displayDate = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** Formats an instant as a Vietnamese calendar date in Hanoi time. */
export function formatDate(value: Date): string {
  return displayDate.format(value);
}

function NavLink(props: { href: string; currentPath: string; children: Child }) {
  const isCurrent = props.href === props.currentPath;
  return (
    <li>
      <a href={props.href} aria-current={isCurrent ? 'page' : undefined}>
        {props.children}
      </a>
    </li>
  );
}

function Footer(props: { tenant: ResolvedTenant }) {
  const { operator } = props.tenant;
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p>
          <strong>{props.tenant.nameVi}</strong>
        </p>
        <p>Cơ quan chủ quản: {operator.agency.vi}</p>
        <p>
          Chịu trách nhiệm nội dung: {operator.responsiblePerson}
          {operator.responsibleTitle ? `, ${operator.responsibleTitle.vi}` : ''}
        </p>
        <p>Địa chỉ: {operator.address.vi}</p>
        <p>
          Điện thoại: {operator.phone}
          {operator.fax ? ` · Fax: ${operator.fax}` : ''} · Thư điện tử:{' '}
          <a href={`mailto:${operator.email}`}>{operator.email}</a>
        </p>
      </div>
    </footer>
  );
}

/** The frame of every public page: header with the portal's name and menu, footer with its operator. */
export function Layout(props: LayoutProps) {
  const { tenant } = props;
  const pageTitle =
    props.title === tenant.nameVi ? tenant.nameVi : `${props.title} | ${tenant.nameVi}`;
  return (
    <>
      {doctype}
      <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{pageTitle}</title>
          {props.description ? <meta name="description" content={props.description} /> : null}
          <link rel="canonical" href={props.canonicalUrl} />
          <meta property="og:title" content={props.title} />
          <meta property="og:site_name" content={tenant.nameVi} />
          <meta property="og:url" content={props.canonicalUrl} />
          <meta property="og:locale" content="vi_VN" />
          <link rel="stylesheet" href={siteStylesheet.path} />
          <style nonce={props.styleNonce}>{`:root{--brand:${tenant.theme.primaryColor}}`}</style>
        </head>
        <body>
          <a class="skip-link" href="#noi-dung">
            Chuyển đến nội dung chính
          </a>
          <header class="site-header">
            <div class="wrap">
              <a class="site-title" href={sitePaths.home}>
                {tenant.nameVi}
                {tenant.nameEn ? <small lang="en">{tenant.nameEn}</small> : null}
              </a>
              <nav class="site-nav" aria-label="Menu chính">
                <ul>
                  <NavLink href={sitePaths.home} currentPath={props.currentPath}>
                    Trang chủ
                  </NavLink>
                  <NavLink href={sitePaths.page('gioi-thieu')} currentPath={props.currentPath}>
                    Giới thiệu
                  </NavLink>
                  <NavLink href={sitePaths.articles} currentPath={props.currentPath}>
                    Tin tức
                  </NavLink>
                  {tenant.kind === 'main' ? (
                    <NavLink href={sitePaths.directory} currentPath={props.currentPath}>
                      Cổng thành viên
                    </NavLink>
                  ) : null}
                </ul>
              </nav>
            </div>
          </header>
          <main id="noi-dung">
            <div class="wrap">{props.children}</div>
          </main>
          <Footer tenant={tenant} />
        </body>
      </html>
    </>
  );
}
