/**
 * The one money formatter and the one UK date formatter, at their edges, and the faces that
 * show them (web, documents, CLI) giving the same text because they call the same functions.
 */
import { describe, expect, it } from 'vitest';
import { formatUkDate } from '../../src/domain/calendar/local-date.js';
import { formatPounds } from '../../src/domain/money/pence.js';
import { table } from '../../src/cli/format.js';
import { money, ukDate } from '../../web/src/format.js';

describe('formatPounds', () => {
  it.each([
    [0, '£0.00'],
    [1, '£0.01'],
    [99, '£0.99'],
    [100, '£1.00'],
    [99_999, '£999.99'],
    [100_000, '£1,000.00'],
    [123_456, '£1,234.56'],
    [100_000_000, '£1,000,000.00'],
    [-1, '−£0.01'],
    [-1200, '−£12.00'],
    [-123_456, '−£1,234.56'],
  ])('%i pence is %s', (pence, text) => {
    expect(formatPounds(pence)).toBe(text);
  });

  it('refuses what is not a whole number of pence rather than rounding it', () => {
    expect(() => formatPounds(12.5)).toThrow(/whole number of pence/);
    expect(() => formatPounds(Number.NaN)).toThrow(/whole number of pence/);
  });

  it('the web shows the same text, and a dash for no amount', () => {
    for (const p of [0, -1200, 123_456]) expect(money(p)).toBe(formatPounds(p));
    expect(money(null)).toBe('—');
    expect(money(undefined)).toBe('—');
  });
});

describe('formatUkDate', () => {
  it.each([
    ['2026-01-01', '01/01/2026'],
    ['2026-12-31', '31/12/2026'],
    ['2024-02-29', '29/02/2024'],
    ['2027-03-04', '04/03/2027'],
  ])('%s is %s', (iso, uk) => {
    expect(formatUkDate(iso)).toBe(uk);
  });

  it('leaves text that is not an ISO date as it is, instants included (their UK day depends on the time zone)', () => {
    expect(formatUkDate('not a date')).toBe('not a date');
    expect(formatUkDate('2026-11-27T23:30:00.000Z')).toBe('2026-11-27T23:30:00.000Z');
    expect(formatUkDate('')).toBe('');
  });

  it('the web and the CLI tables show dates the same way', () => {
    expect(ukDate('2027-03-04')).toBe('04/03/2027');
    expect(ukDate(null)).toBe('—');
    expect(table([{ due_on: '2027-03-04' }], [['due_on', 'Due']])).toContain('04/03/2027');
  });
});
