import { Breadcrumbs, trailFrom } from '../site/components.tsx';
import { BarChart, type ChartSeries } from './bar-chart.tsx';
import { servicePaths } from './paths.ts';
import { onTimeRate, type Figures, type MonthFigures } from './statistics-figures.ts';

export const statisticsParameters = { year: 'nam', unit: 'don-vi' } as const;

export type FiguresRow = { label: string; href?: string | undefined; figures: Figures };

export type StatisticsPageProps = {
  isMain: boolean;
  year: number;
  years: number[];
  /** The units the main portal lets visitors choose; empty on a member portal. */
  units: { slug: string; nameVi: string }[];
  unitSlug: string | undefined;
  /** The name of what the figures cover: the ministry's units, or one unit. */
  scopeName: string;
  months: MonthFigures[];
  totals: Figures;
  byUnit: FiguresRow[] | null;
  byService: FiguresRow[];
};

const chartSeries: ChartSeries[] = [
  { name: 'Tiếp nhận', color: '#1d4f91' },
  { name: 'Giải quyết đúng hạn', color: '#1e6b34' },
  { name: 'Giải quyết quá hạn', color: '#a4262c', isHatched: true },
];

const columns: [keyof Figures, string][] = [
  ['received', 'Tiếp nhận'],
  ['inProcessing', 'Đang giải quyết (cuối kỳ)'],
  ['finishedOnTime', 'Đúng hạn'],
  ['finishedLate', 'Quá hạn'],
  ['rejectedOrReturned', 'Từ chối, trả lại'],
];

function formatRate(figures: Figures): string {
  const rate = onTimeRate(figures);

  return rate === null ? '–' : `${rate.toLocaleString('vi-VN')}%`;
}

function monthLabel(month: string): string {
  return `Tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;
}

function FiguresTable(props: { caption: string; heading: string; rows: FiguresRow[] }) {
  return (
    <div class="table-scroll">
      <table class="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.heading}</th>
            {columns.map(([, label]) => (
              <th scope="col" class="number">
                {label}
              </th>
            ))}
            <th scope="col" class="number">
              Tỉ lệ đúng hạn
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <th scope="row">{row.href ? <a href={row.href}>{row.label}</a> : row.label}</th>
              {columns.map(([key]) => (
                <td class="number">{row.figures[key]}</td>
              ))}
              <td class="number">{formatRate(row.figures)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PeriodForm(props: StatisticsPageProps) {
  return (
    <form class="filters" method="get" action={servicePaths.statistics}>
      <div class="field">
        <label for="thong-ke-nam">Năm</label>
        <select id="thong-ke-nam" name={statisticsParameters.year}>
          {props.years.map((year) => (
            <option value={String(year)} selected={year === props.year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      {props.isMain ? (
        <div class="field">
          <label for="thong-ke-don-vi">Đơn vị</label>
          <select id="thong-ke-don-vi" name={statisticsParameters.unit}>
            <option value="">Tất cả đơn vị</option>
            {props.units.map((unit) => (
              <option value={unit.slug} selected={unit.slug === props.unitSlug}>
                {unit.nameVi}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div class="form-actions">
        <button type="submit">Xem thống kê</button>
      </div>
    </form>
  );
}

function Summary(props: { totals: Figures }) {
  return (
    <dl class="stat-figures">
      {columns.map(([key, label]) => (
        <div>
          <dt>{label}</dt>
          <dd>{props.totals[key]}</dd>
        </div>
      ))}
      <div>
        <dt>Tỉ lệ đúng hạn</dt>
        <dd>{formatRate(props.totals)}</dd>
      </div>
    </dl>
  );
}

/** Public statistics of dossier handling in one year, by month, unit and service. */
export function StatisticsPage(props: StatisticsPageProps) {
  const { totals } = props;
  const summary =
    `Năm ${props.year}, ${props.scopeName} tiếp nhận ${totals.received} hồ sơ, giải quyết ` +
    `đúng hạn ${totals.finishedOnTime} và quá hạn ${totals.finishedLate} hồ sơ.`;
  const monthRows = props.months.map((month) => ({
    label: monthLabel(month.month),
    figures: month,
  }));
  return (
    <>
      <Breadcrumbs
        trail={trailFrom(
          { href: servicePaths.catalogue, label: 'Dịch vụ công trực tuyến' },
          { label: 'Thống kê hồ sơ' },
        )}
      />
      <h1>Thống kê tình hình giải quyết hồ sơ</h1>
      <p class="lead">
        Số hồ sơ dịch vụ công tiếp nhận và giải quyết năm {props.year}: {props.scopeName}.
      </p>
      <PeriodForm {...props} />
      <h2>Tổng hợp năm {props.year}</h2>
      <Summary totals={totals} />
      {props.months.length > 0 ? (
        <>
          <BarChart
            id="bieu-do-thang"
            title={`Hồ sơ tiếp nhận và giải quyết theo tháng, năm ${props.year}`}
            summary={summary}
            series={chartSeries}
            groups={props.months.map((month) => ({
              label: `T${Number(month.month.slice(5, 7))}`,
              values: [month.received, month.finishedOnTime, month.finishedLate],
            }))}
          />
          <FiguresTable caption="Số liệu theo tháng" heading="Tháng" rows={monthRows} />
        </>
      ) : (
        <p class="empty">Chưa có số liệu của năm này.</p>
      )}
      {props.byUnit ? (
        <>
          <h2>Theo đơn vị</h2>
          <FiguresTable caption="Số liệu theo đơn vị" heading="Đơn vị" rows={props.byUnit} />
        </>
      ) : null}
      <h2>Theo dịch vụ</h2>
      {props.byService.length > 0 ? (
        <FiguresTable caption="Số liệu theo dịch vụ" heading="Dịch vụ" rows={props.byService} />
      ) : (
        <p class="empty">Chưa có hồ sơ nào trong năm này.</p>
      )}
      <p class="meta">
        “Đang giải quyết” là số hồ sơ đã tiếp nhận mà chưa giải quyết xong vào cuối kỳ. Hồ sơ đúng
        hạn hay quá hạn được xác định theo thời hạn giải quyết tính bằng ngày làm việc, trừ ngày
        nghỉ lễ, Tết.
      </p>
    </>
  );
}
