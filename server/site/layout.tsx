import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

import { feedbackPaths } from '../feedback/paths.ts';
import { servicePaths } from '../services/paths.ts';
import type { ResolvedTenant } from '../tenancy/tenant-directory.ts';
import { siteStylesheet } from './assets.ts';
import type { SiteCategory } from './category-tree.ts';
import { Footer } from './footer.tsx';
import { themeStylesheetPath } from './theme.ts';
import { sitePaths, typeSections } from './urls.ts';

/** Open Graph details of a page beyond its title and address. */
export type OpenGraph = {
  type: 'website' | 'article';
  /** An absolute URL. */
  image?: string | undefined;
  publishedTime?: Date | undefined;
  modifiedTime?: Date | undefined;
};

export type LayoutProps = {
  tenant: ResolvedTenant;
  /** The page's own title; the portal's name is appended. */
  title: string;
  description?: string | undefined;
  /** Absent on pages that must not name an address of their own, such as previews. */
  canonicalUrl?: string | undefined;
  /** The portal's base URL, for the feed link. */
  baseUrl: string;
  currentPath: string;
  /** The portal's top-level categories, shown as the main menu. */
  menu: SiteCategory[];
  openGraph?: OpenGraph | undefined;
  /** Keeps the page out of search engines, for previews and expired documents. */
  isNoIndex?: boolean | undefined;
  /** `print` drops the header, menu and footer, for the printable view of an item. */
  variant?: 'full' | 'print';
  /** Shown above the page, e.g. the preview notice. */
  banner?: Child;
  /** Paths of stylesheets a module adds after the site's own, e.g. for its forms. */
  extraStylesheets?: readonly string[] | undefined;
  /** The effective `site.required_operator_fields`, which the footer always shows. */
  requiredOperatorFields: readonly string[];
  children: Child;
};

/** hono/jsx renders elements only, so the doctype is written as raw markup. */
export const doctype = raw('<!DOCTYPE html>');

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

function MenuLinks(props: { menu: SiteCategory[]; currentPath: string }) {
  return (
    <ul>
      <NavLink href={sitePaths.home} currentPath={props.currentPath}>
        Trang chủ
      </NavLink>
      {props.menu.map((category) => (
        <NavLink href={sitePaths.category(category.slug)} currentPath={props.currentPath}>
          {category.nameVi}
        </NavLink>
      ))}
    </ul>
  );
}

function Header(props: { tenant: ResolvedTenant; currentPath: string; menu: SiteCategory[] }) {
  const { tenant } = props;
  return (
    <header class="site-header">
      <div class="wrap header-bar">
        <a class="site-title" href={sitePaths.home}>
          {tenant.nameVi}
          {tenant.nameEn ? <small lang="en">{tenant.nameEn}</small> : null}
        </a>
        <form class="search-form" role="search" method="get" action={sitePaths.search}>
          <label for="tu-khoa-dau-trang" class="visually-hidden">
            Tìm kiếm trên cổng
          </label>
          <input
            id="tu-khoa-dau-trang"
            type="search"
            name="q"
            maxlength={200}
            placeholder="Tìm kiếm"
          />
          <button type="submit">Tìm</button>
        </form>
      </div>
      <nav class="quick-links" aria-label="Liên kết nhanh">
        <ul class="wrap">
          <NavLink href={sitePaths.articles} currentPath={props.currentPath}>
            Tin tức
          </NavLink>
          <NavLink href={sitePaths.legalDocuments} currentPath={props.currentPath}>
            Văn bản
          </NavLink>
          <NavLink href={typeSections.announcement.path} currentPath={props.currentPath}>
            Thông báo
          </NavLink>
          <NavLink href={sitePaths.schedule} currentPath={props.currentPath}>
            Lịch công tác
          </NavLink>
          <NavLink href={servicePaths.catalogue} currentPath={props.currentPath}>
            Dịch vụ công
          </NavLink>
          <NavLink href={servicePaths.lookup} currentPath={props.currentPath}>
            Tra cứu hồ sơ
          </NavLink>
          <NavLink href={feedbackPaths.form} currentPath={props.currentPath}>
            Phản ánh, kiến nghị
          </NavLink>
          {tenant.kind === 'main' ? (
            <NavLink href={sitePaths.directory} currentPath={props.currentPath}>
              Cổng thành viên
            </NavLink>
          ) : null}
        </ul>
      </nav>
      <nav class="main-menu" aria-label="Menu chính">
        <div class="wrap">
          {/* Two copies of the menu: CSS shows the bar on wide screens and the disclosure on
              narrow ones, and the hidden copy leaves the accessibility tree with display: none. */}
          <div class="menu-wide">
            <MenuLinks menu={props.menu} currentPath={props.currentPath} />
          </div>
          <details class="menu-narrow">
            <summary>Danh mục chuyên mục</summary>
            <MenuLinks menu={props.menu} currentPath={props.currentPath} />
          </details>
        </div>
      </nav>
    </header>
  );
}

function Head(props: LayoutProps) {
  const { tenant, openGraph } = props;
  const pageTitle =
    props.title === tenant.nameVi ? tenant.nameVi : `${props.title} | ${tenant.nameVi}`;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{pageTitle}</title>
      {props.description ? <meta name="description" content={props.description} /> : null}
      {props.isNoIndex ? <meta name="robots" content="noindex" /> : null}
      {props.canonicalUrl ? <link rel="canonical" href={props.canonicalUrl} /> : null}
      <meta property="og:type" content={openGraph?.type ?? 'website'} />
      <meta property="og:title" content={props.title} />
      {props.description ? <meta property="og:description" content={props.description} /> : null}
      <meta property="og:site_name" content={tenant.nameVi} />
      {props.canonicalUrl ? <meta property="og:url" content={props.canonicalUrl} /> : null}
      <meta property="og:locale" content="vi_VN" />
      {openGraph?.image ? <meta property="og:image" content={openGraph.image} /> : null}
      {openGraph?.publishedTime ? (
        <meta property="article:published_time" content={openGraph.publishedTime.toISOString()} />
      ) : null}
      {openGraph?.modifiedTime ? (
        <meta property="article:modified_time" content={openGraph.modifiedTime.toISOString()} />
      ) : null}
      <link
        rel="alternate"
        type="application/rss+xml"
        title={`Tin mới – ${tenant.nameVi}`}
        href={`${props.baseUrl}${sitePaths.rss}`}
      />
      <link rel="stylesheet" href={siteStylesheet.path} />
      <link rel="stylesheet" href={themeStylesheetPath(tenant.theme.primaryColor)} />
      {(props.extraStylesheets ?? []).map((href) => (
        <link rel="stylesheet" href={href} />
      ))}
    </head>
  );
}

/**
 * The frame of every public page: header with the portal's name, search and menu, footer with
 * its operator. The print variant keeps only the portal's name and the content.
 */
export function Layout(props: LayoutProps) {
  const { tenant } = props;
  const isPrint = props.variant === 'print';
  return (
    <>
      {doctype}
      <html lang="vi">
        <Head {...props} />
        <body class={isPrint ? 'print-view' : undefined}>
          <a class="skip-link" href="#noi-dung">
            Chuyển đến nội dung chính
          </a>
          {props.banner}
          {isPrint ? (
            <header class="print-header wrap">
              <p>
                <strong>{tenant.nameVi}</strong>
              </p>
            </header>
          ) : (
            <Header tenant={tenant} currentPath={props.currentPath} menu={props.menu} />
          )}
          <main id="noi-dung">
            <div class="wrap">{props.children}</div>
          </main>
          {isPrint ? null : (
            <Footer tenant={tenant} requiredOperatorFields={props.requiredOperatorFields} />
          )}
        </body>
      </html>
    </>
  );
}
