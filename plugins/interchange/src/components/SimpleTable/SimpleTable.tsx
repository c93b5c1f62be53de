import { CSSProperties, ReactNode } from 'react';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@material-ui/core';

/** A column: its heading and how a row fills its cell. */
export interface SimpleColumn<T> {
  title?: ReactNode;
  align?: 'right';
  cell: (row: T) => ReactNode;
  /** A row's own cell style, e.g. red for an under-replicated partition. */
  style?: (row: T) => CSSProperties | undefined;
}

/**
 * A small read-only table of the rows a card shows (partitions, consumer
 * groups, bindings, related entities), without paging or sorting.
 */
export function SimpleTable<T>(props: {
  /** The table's accessible name. */
  label?: string;
  columns: SimpleColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Without a heading row, e.g. for name/value pairs. */
  noHeader?: boolean;
}) {
  const { columns } = props;
  return (
    <Table size="small" aria-label={props.label}>
      {!props.noHeader && (
        <TableHead>
          <TableRow>
            {columns.map((c, i) => (
              <TableCell key={i} align={c.align}>
                {c.title}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
      )}
      <TableBody>
        {props.rows.map(row => (
          <TableRow key={props.rowKey(row)}>
            {columns.map((c, i) => (
              <TableCell key={i} align={c.align} style={c.style?.(row)}>
                {c.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
