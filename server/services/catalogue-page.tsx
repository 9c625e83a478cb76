import { Breadcrumbs, Pagination, trailFrom } from '../site/components.tsx';
import { pageHref } from '../site/pages.tsx';
import { servicePaths } from './paths.ts';
import type { CatalogueFilters, PublicService } from './public-catalogue.ts';
import { provisionLabels } from './service-schemas.ts';

/** The query parameter of each catalogue filter, and how provision is spelled in a URL. */
export const catalogueParameters = {
  query: 'q',
  unit: 'don-vi',
  field: 'linh-vuc',
  provision: 'hinh-thuc',
} as const;
export const provisionParameterValues = { full: 'toan-trinh', partial: 'mot-phan' } as const;

export type CataloguePageProps = {
  isMain: boolean;
  services: PublicService[];
  total: number;
  page: number;
  hasNext: boolean;
  filters: CatalogueFilters;
  facets: { units: { slug: string; nameVi: string }[]; fields: string[] };
};

/** Returns the catalogue's query string for a set of filters, without the page number. */
export function catalogueQuery(filters: CatalogueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.query) {
    params.set(catalogueParameters.query, filters.query);
  }
  if (filters.unitSlug) {
    params.set(catalogueParameters.unit, filters.unitSlug);
  }
  if (filters.field) {
    params.set(catalogueParameters.field, filters.field);
  }
  if (filters.provision) {
    params.set(catalogueParameters.provision, provisionParameterValues[filters.provision]);
  }

  return params;
}

function Filters(props: CataloguePageProps) {
  const { filters, facets } = props;
  return (
    <form class="filters" role="search" method="get" action={servicePaths.catalogue}>
      <div class="field field-wide">
        <label for="tim-dich-vu">Tên dịch vụ hoặc thủ tục</label>
        <input
          id="tim-dich-vu"
          type="search"
          name={catalogueParameters.query}
          value={filters.query ?? ''}
          maxlength={200}
          aria-describedby="goi-y-tim-dich-vu"
        />
        <p class="meta" id="goi-y-tim-dich-vu">
          Có thể gõ tiếng Việt có dấu hoặc không dấu, ví dụ “cap giay phep”.
        </p>
      </div>
      {props.isMain ? (
        <div class="field">
          <label for="loc-don-vi">Đơn vị</label>
          <select id="loc-don-vi" name={catalogueParameters.unit}>
            <option value="">Tất cả đơn vị</option>
            {facets.units.map((unit) => (
              <option value={unit.slug} selected={unit.slug === filters.unitSlug}>
                {unit.nameVi}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div class="field">
        <label for="loc-linh-vuc">Lĩnh vực</label>
        <select id="loc-linh-vuc" name={catalogueParameters.field}>
          <option value="">Tất cả lĩnh vực</option>
          {facets.fields.map((field) => (
            <option value={field} selected={field === filters.field}>
              {field}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="loc-hinh-thuc">Mức độ cung cấp</label>
        <select id="loc-hinh-thuc" name={catalogueParameters.provision}>
          <option value="">Toàn trình và một phần</option>
          <option value={provisionParameterValues.full} selected={filters.provision === 'full'}>
            {provisionLabels.full}
          </option>
          <option
            value={provisionParameterValues.partial}
            selected={filters.provision === 'partial'}
          >
            {provisionLabels.partial}
          </option>
        </select>
      </div>
      <div class="form-actions">
        <button type="submit">Tìm dịch vụ</button>
        <a href={servicePaths.catalogue}>Bỏ lọc</a>
      </div>
    </form>
  );
}

function ServiceItem(props: { service: PublicService; isMain: boolean }) {
  const { service } = props;
  return (
    <li>
      <h3>
        <a href={servicePaths.service(service.unit.slug, service.code)}>{service.nameVi}</a>
      </h3>
      <p class="meta">
        {props.isMain ? `${service.unit.nameVi} · ` : ''}
        Lĩnh vực: {service.field} · Thời hạn: {service.processingDays} ngày làm việc
      </p>
      <p>
        <span class={service.provision === 'full' ? 'badge badge-positive' : 'badge badge-neutral'}>
          {provisionLabels[service.provision]}
        </span>
      </p>
    </li>
  );
}

/** The searchable list of published services: every unit's on the main portal. */
export function CataloguePage(props: CataloguePageProps) {
  const query = catalogueQuery(props.filters);
  return (
    <>
      <Breadcrumbs trail={trailFrom({ label: 'Dịch vụ công trực tuyến' })} />
      <h1>Dịch vụ công trực tuyến</h1>
      <p class="lead">
        {props.isMain
          ? 'Danh mục dịch vụ công trực tuyến của các đơn vị thuộc Bộ, tra cứu tại một nơi.'
          : 'Danh mục dịch vụ công trực tuyến do đơn vị cung cấp.'}
      </p>
      <p>
        <a href={servicePaths.lookup}>Tra cứu tiến độ hồ sơ</a> ·{' '}
        <a href={servicePaths.statistics}>Thống kê tình hình giải quyết hồ sơ</a>
      </p>
      <Filters {...props} />
      <section aria-labelledby="ket-qua-dich-vu">
        <h2 id="ket-qua-dich-vu" class="visually-hidden">
          Kết quả
        </h2>
        <p role="status">Tìm thấy {props.total} dịch vụ.</p>
        {props.services.length > 0 ? (
          <ul class="service-list">
            {props.services.map((service) => (
              <ServiceItem service={service} isMain={props.isMain} />
            ))}
          </ul>
        ) : (
          <p class="empty">Không có dịch vụ nào phù hợp với điều kiện tìm kiếm.</p>
        )}
        <Pagination
          page={props.page}
          hasNext={props.hasNext}
          hrefOf={(page) => pageHref(servicePaths.catalogue, page, query)}
        />
      </section>
    </>
  );
}
