import { render, screen, within } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';

import { BarChart, type BarSeries } from '../../../web/src/components/BarChart.tsx';

describe('BarChart', () => {
  it('names the chart by its title', () => {
    render(() => (
      <BarChart
        title="Phản ánh theo đơn vị"
        tableLabel="Xem số liệu"
        labels={['Cục An toàn thông tin']}
        series={[{ label: 'Đã nhận', values: [4] }]}
      />
    ));

    expect(screen.getByRole('figure', { name: 'Phản ánh theo đơn vị' })).toBeInTheDocument();
  });

  it('lists every figure in its data table, a zero where a value is missing', () => {
    render(() => (
      <BarChart
        title="Phản ánh theo đơn vị"
        tableLabel="Xem số liệu"
        labels={['Cục An toàn thông tin', 'Cục Bưu điện Trung ương']}
        series={[
          { label: 'Đã nhận', values: [4, 7] },
          { label: 'Trả lời đúng hạn', values: [3] },
        ]}
      />
    ));

    const row = screen.getByRole('row', { name: /Cục Bưu điện Trung ương/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['7', '0']);
  });

  it('follows changed figures', () => {
    const [series, setSeries] = createSignal<BarSeries[]>([{ label: 'Đã nhận', values: [1] }]);
    render(() => (
      <BarChart title="Thử" tableLabel="Xem số liệu" labels={['Cục A']} series={series()} />
    ));

    setSeries([{ label: 'Đã nhận', values: [9] }]);

    expect(screen.getByRole('row', { name: /Cục A/ })).toHaveTextContent('9');
  });
});
