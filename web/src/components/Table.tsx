/**
 * Every list of records in the app: a captioned table with column headers, an empty message
 * instead of an empty table, optional links from a column, and a wrapper that scrolls sideways
 * on its own on a narrow screen so the page never does. Below 820 px wide tables become one
 * card per row, each cell labelled with its column (see `.table.stack` in styles.css).
 */
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { Empty } from './Async.js';

export interface Column<T> {
  header: ReactNode;
  /** The text a stacked cell is labelled with when `header` is not plain text. */
  label?: string;
  cell: (row: T) => ReactNode;
  /** `num` right-aligns amounts and counts; `nowrap` keeps dates and codes on one line. */
  className?: string;
  /** The cell links to this address (a row's record); no link when it gives null. */
  href?: (row: T) => string | null;
  /** The cell names its row (a `th scope="row"`), as a payer's name does in a summary. */
  rowHeader?: boolean;
}

/** Tables with this many columns or more stack below 820 px; narrower ones fit as they are. */
const STACK_FROM = 7;

export function Table<T>({
  label,
  columns,
  rows,
  rowKey,
  empty,
  rowClassName,
  rowTestId,
  foot,
  className,
}: {
  label: string;
  columns: (Column<T> | false | null | undefined)[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Shown instead of the table when there are no rows; without it an empty table is shown. */
  empty?: ReactNode;
  rowClassName?: (row: T) => string | undefined;
  /** A test id on every row, for tests that pick a row by its text. */
  rowTestId?: string;
  foot?: ReactNode;
  className?: string;
}) {
  if (rows.length === 0 && empty !== undefined) return <Empty>{empty}</Empty>;
  const cols = columns.filter((c): c is Column<T> => Boolean(c));
  const classes = ['table', className, cols.length >= STACK_FROM ? 'stack' : ''].filter(Boolean).join(' ');
  return (
    <div className="table-wrap">
      <table className={classes} aria-label={label}>
        <thead>
          <tr>
            {cols.map((c, i) => (
              <th key={i} scope="col" className={c.rowHeader ? undefined : c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)} data-testid={rowTestId}>
              {cols.map((c, i) => {
                const href = c.href?.(row);
                const content = href ? <Link href={href}>{c.cell(row)}</Link> : c.cell(row);
                const dataLabel = c.label ?? (typeof c.header === 'string' ? c.header : undefined);
                return c.rowHeader ? (
                  <th key={i} scope="row" className={c.className} data-label={dataLabel}>
                    {content}
                  </th>
                ) : (
                  <td key={i} className={c.className} data-label={dataLabel}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {foot && <tfoot>{foot}</tfoot>}
      </table>
    </div>
  );
}
