import { describe, expect, it } from 'vitest';
import { formatPercent, formatRupiah, parseIncome } from '../../src/domain/income.js';

describe('parseIncome accepts', () => {
  it.each([
    ['1,5 juta', 1_500_000],
    ['1.5 juta', 1_500_000],
    ['1.500.000', 1_500_000],
    ['1,500,000', 1_500_000],
    ['1500000', 1_500_000],
    ['Rp 1.500.000', 1_500_000],
    ['Rp. 1.500.000', 1_500_000],
    ['Rp1.500.000', 1_500_000],
    ['rp1.500.000,-', 1_500_000],
    ['Rp 1.500.000,00', 1_500_000],
    ['IDR 1,500,000', 1_500_000],
    ['1500rb', 1_500_000],
    ['1500 ribu', 1_500_000],
    ['1.500 rb', 1_500_000],
    ['1500 rbu', 1_500_000],
    ['2 jt', 2_000_000],
    ['1.5 million', 1_500_000],
    ['2 million a month', 2_000_000],
    ['800 thousand', 800_000],
    ['2jt', 2_000_000],
    ['2 jta', 2_000_000],
    ['2 juta', 2_000_000],
    ['2 JUTA', 2_000_000],
    ['2,5jt', 2_500_000],
    ['2.5jt', 2_500_000],
    ['1,25 juta', 1_250_000],
    ['0,5 juta', 500_000],
    ['500k', 500_000],
    ['500K', 500_000],
    ['750 rb', 750_000],
    ['1 jutaan', 1_000_000],
    ['1500 ribuan', 1_500_000],
    ['sekitar 2 juta', 2_000_000],
    ['kira-kira 2 juta', 2_000_000],
    ['kira2 1,5jt', 1_500_000],
    ['kurang lebih 800rb', 800_000],
    ['± 1,5 juta', 1_500_000],
    ['±1,5 juta', 1_500_000],
    ['2 juta per bulan', 2_000_000],
    ['2jt/bulan', 2_000_000],
    ['2 juta rupiah', 2_000_000],
    ['2 juta.', 2_000_000],
    ['1.000.000.000', 1_000_000_000], // upper bound itself
    ['1000 juta', 1_000_000_000],
    ['0', 0],
    ['0 rb', 0],
    ['1000', 1000],
    ['1500000,50', 1_500_001], // rounded to whole rupiah
  ])('%j -> %d', (input, rupiah) => {
    expect(parseIncome(input)).toEqual({ ok: true, rupiah });
  });
});

describe('parseIncome rejects', () => {
  it.each([
    ['', 'income_format'],
    ['   ', 'income_format'],
    ['banyak', 'income_format'],
    ['abc', 'income_format'],
    ['tidak tentu', 'income_format'],
    ['2', 'income_format'], // bare small number: missing "juta"?
    ['15', 'income_format'],
    ['500', 'income_format'],
    ['1,5', 'income_format'],
    ['0,5', 'income_format'],
    ['2 milyar', 'income_format'], // unknown unit
    ['1.5.000', 'income_format'], // broken grouping
    ['1.500.5', 'income_format'],
    ['1,500.000', 'income_format'], // mixed group separators
    ['15000.0000', 'income_format'],
    ['1-2 juta', 'income_format'], // ranges are not guessed
    ['-500000', 'income_format'],
    ['2 juta 500 ribu', 'income_format'],
    ['1.000.000.001', 'income_range'],
    ['2000 juta', 'income_range'],
    ['99999999999999999999', 'income_range'],
  ])('%j -> %s', (input, error) => {
    expect(parseIncome(input)).toEqual({ ok: false, error });
  });
});

describe('formatRupiah', () => {
  it.each([
    [0, 'Rp0'],
    [999, 'Rp999'],
    [16800, 'Rp16.800'],
    [1500000, 'Rp1.500.000'],
    [1_000_000_000, 'Rp1.000.000.000'],
    [16800.4, 'Rp16.800'],
    [-5000, '-Rp5.000'],
  ])('%d -> %s', (n, s) => {
    expect(formatRupiah(n)).toBe(s);
  });
});

describe('formatPercent', () => {
  it.each([
    [1.74, '1,74%'],
    [2, '2%'],
    [0.3, '0,3%'],
    [0.24, '0,24%'],
    [0.1 + 0.2, '0,3%'],
    [3.7, '3,7%'],
    [0, '0%'],
    [1.005, '1%'], // two decimals at most
  ])('%d -> %s', (p, s) => {
    expect(formatPercent(p)).toBe(s);
  });
});
