import { render, screen, within } from '@testing-library/react';
import { SimpleTable } from './SimpleTable';

type Row = { name: string; lag: number };

const columns = [
  { title: 'Group', cell: (r: Row) => r.name },
  {
    title: 'Lag',
    align: 'right' as const,
    cell: (r: Row) => r.lag,
    style: (r: Row) => (r.lag > 10 ? { color: 'rgb(255, 0, 0)' } : undefined),
  },
];

describe('SimpleTable', () => {
  it('renders a heading row and one row per item, with per-row cell styles', () => {
    render(
      <SimpleTable
        label="groups"
        columns={columns}
        rows={[
          { name: 'a', lag: 1 },
          { name: 'b', lag: 20 },
        ]}
        rowKey={r => r.name}
      />,
    );
    const rows = within(
      screen.getByRole('table', { name: 'groups' }),
    ).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual(['GroupLag', 'a1', 'b20']);
    expect(within(rows[2]).getByText('20')).toHaveStyle({
      color: 'rgb(255, 0, 0)',
    });
    expect(within(rows[1]).getByText('1')).not.toHaveStyle({
      color: 'rgb(255, 0, 0)',
    });
  });

  it('leaves the heading row out when asked', () => {
    render(
      <SimpleTable
        label="configs"
        noHeader
        columns={columns}
        rows={[{ name: 'a', lag: 1 }]}
        rowKey={r => r.name}
      />,
    );
    expect(screen.getAllByRole('row')).toHaveLength(1);
    expect(screen.queryByRole('columnheader')).toBeNull();
  });
});
