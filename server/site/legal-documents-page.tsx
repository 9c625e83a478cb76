import type { PublishedSummary } from '../content/public-queries.ts';
import { Breadcrumbs, Pagination, trailFrom } from './components.tsx';
import { formatIsoDate } from './dates.ts';
import { legalStateLabels, legalStateOf, legalStateTone } from './item-facts.ts';
import type { FilterProblem, LegalDocumentFacets, LegalDocumentQuery } from './legal-documents.ts';
import { pageHref } from './pages.tsx';
import { itemPath, sitePaths } from './urls.ts';

const stateOptions: [value: string, label: string][] = [
  ['con-hieu-luc', 'Còn hiệu lực'],
  ['chua-co-hieu-luc', 'Chưa có hiệu lực'],
  ['het-hieu-luc', 'Hết hiệu lực'],
];

function Select(props: {
  id: string;
  name: keyof LegalDocumentQuery;
  label: string;
  options: [value: string, label: string][];
  selected: string | undefined;
  problem: FilterProblem | undefined;
}) {
  const errorId = `${props.id}-loi`;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.name}
        aria-invalid={props.problem ? 'true' : undefined}
        aria-describedby={props.problem ? errorId : undefined}
      >
        <option value="">Tất cả</option>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.selected}>
            {label}
          </option>
        ))}
      </select>
      {props.problem ? (
        <p class="field-error" id={errorId}>
          {props.problem.message}
        </p>
      ) : null}
    </div>
  );
}

function FilterForm(props: {
  facets: LegalDocumentFacets;
  query: Partial<LegalDocumentQuery>;
  problems: FilterProblem[];
}) {
  const problemOf = (field: keyof LegalDocumentQuery) =>
    props.problems.find((problem) => problem.field === field);
  const asOptions = (values: string[]) => values.map((value): [string, string] => [value, value]);
  return (
    <form class="filters" method="get" action={sitePaths.legalDocuments}>
      <Select
        id="loc-loai"
        name="loai"
        label="Loại văn bản"
        options={asOptions(props.facets.types)}
        selected={props.query.loai}
        problem={problemOf('loai')}
      />
      <Select
        id="loc-co-quan"
        name="co-quan"
        label="Cơ quan ban hành"
        options={asOptions(props.facets.authorities)}
        selected={props.query['co-quan']}
        problem={problemOf('co-quan')}
      />
      <Select
        id="loc-nam"
        name="nam"
        label="Năm ban hành"
        options={asOptions(props.facets.years.map(String))}
        selected={props.query.nam === undefined ? undefined : String(props.query.nam)}
        problem={problemOf('nam')}
      />
      <Select
        id="loc-hieu-luc"
        name="hieu-luc"
        label="Tình trạng hiệu lực"
        options={stateOptions}
        selected={props.query['hieu-luc']}
        problem={problemOf('hieu-luc')}
      />
      <div class="form-actions">
        <button type="submit">Lọc văn bản</button> <a href={sitePaths.legalDocuments}>Bỏ lọc</a>
      </div>
    </form>
  );
}

function DocumentRow(props: { item: PublishedSummary; today: string }) {
  const { fields } = props.item;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const numberSymbol = text(fields.numberSymbol);
  const issuedOn = text(fields.issuedOn);
  const effectiveOn = text(fields.effectiveOn);
  const state = effectiveOn
    ? legalStateOf(
        {
          effectiveOn,
          expiresOn: text(fields.expiresOn),
          legalStatus: text(fields.legalStatus) ?? 'in_force',
        },
        props.today,
      )
    : undefined;
  return (
    <li class="document">
      <h2>
        <a href={itemPath(props.item)}>{props.item.titleVi}</a>
      </h2>
      <p class="meta">
        {numberSymbol ? `Số ${numberSymbol}` : null}
        {issuedOn ? ` · Ban hành ngày ${formatIsoDate(issuedOn)}` : null}
        {text(fields.issuingAuthority) ? ` · ${text(fields.issuingAuthority)}` : null}
      </p>
      {state ? (
        <p>
          <span class={`badge badge-${legalStateTone[state]}`}>{legalStateLabels[state]}</span>
        </p>
      ) : null}
    </li>
  );
}

export type LegalDocumentsPageProps = {
  facets: LegalDocumentFacets;
  query: Partial<LegalDocumentQuery>;
  /** The filters as the visitor sent them, kept in the pagination links. */
  search: URLSearchParams;
  problems: FilterProblem[];
  documents: PublishedSummary[];
  page: number;
  hasNext: boolean;
  today: string;
};

/** The legal-document search: a filter form that works without scripts, and the results. */
export function LegalDocumentsPage(props: LegalDocumentsPageProps) {
  return (
    <>
      <Breadcrumbs trail={trailFrom({ label: 'Văn bản' })} />
      <h1>Tra cứu văn bản</h1>
      {props.problems.length > 0 ? (
        <div class="error-summary" role="alert">
          <h2>Không thể lọc văn bản</h2>
          <ul>
            {props.problems.map((problem) => (
              <li>{problem.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <FilterForm facets={props.facets} query={props.query} problems={props.problems} />
      {props.problems.length > 0 ? null : (
        <>
          {props.documents.length === 0 ? (
            <p class="empty">Không có văn bản nào phù hợp với điều kiện lọc.</p>
          ) : (
            <ul class="document-list">
              {props.documents.map((item) => (
                <DocumentRow item={item} today={props.today} />
              ))}
            </ul>
          )}
          <Pagination
            page={props.page}
            hasNext={props.hasNext}
            hrefOf={(page) => pageHref(sitePaths.legalDocuments, page, props.search)}
          />
        </>
      )}
    </>
  );
}
