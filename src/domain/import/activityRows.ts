import { FIELD_SPECS, isCustomerField, type CanonicalField } from './fields';
import type { ImportPlan } from './plan';
import { DateReader, EventTypeReader, MoneyReader } from './valueReaders';
import { cleanMoney } from './values/numbers';
import { idIssueOf, type WarnFn } from './customerRows';
import type { PlaceholderSet } from './placeholders';

/**
 * Reads the activity columns of an orders, lines or events row: event time, amount, type,
 * order id, status, quantity and price, and the props (mapped order fields under their
 * canonical keys, every unmapped column under its own name).
 */
const RETURN_WORDS = /^(returned|return|refunded|refund|возврат|возвращен|возвращён|возвращено|оформлен возврат)$/i;
const CANCEL_WORDS = /^(cancelled|canceled|cancel|voided|void|отменен|отменён|отменено|отмена|аннулирован|аннулировано|отказ)$/i;

export type OrderStatus = 'normal' | 'return' | 'cancelled';

export function orderStatusOf(raw: string): OrderStatus {
  const text = raw.trim();
  if (!text) return 'normal';
  if (RETURN_WORDS.test(text)) return 'return';
  if (CANCEL_WORDS.test(text)) return 'cancelled';
  return 'normal';
}

/** Fields of single lines that the order aggregates instead of copying (lines kind). */
const LINE_LEVEL_FIELDS = new Set<CanonicalField>(['quantity', 'sku', 'productName', 'category', 'price', 'lineAmount']);

interface PropColumn {
  index: number;
  key: string;
  isMoney: boolean;
  /** an id column (order id): placeholders and Excel-rounded values are dropped */
  isId: boolean;
  /**
   * Repeated values (channel, store, category …) are shared instead of kept once per row: a
   * million orders otherwise hold nine million copies of a few dozen strings. A column stops
   * being interned once it shows many distinct values (order ids).
   */
  interned: Map<string, string> | undefined;
}

const MAX_INTERNED = 2_000;

export class ActivityRowReader {
  readonly ts: DateReader | undefined;
  readonly types = new EventTypeReader();
  readonly money: MoneyReader;
  readonly propColumns: PropColumn[];
  /** every prop key a row of this file can have, sorted (for event keys) */
  readonly propKeys: string[];
  readonly column: Partial<Record<CanonicalField, number>>;
  readonly names: string[];
  private readonly placeholders: PlaceholderSet;

  constructor(
    plan: ImportPlan,
    private readonly warn: WarnFn,
  ) {
    this.placeholders = plan.placeholders;
    this.column = plan.mapping;
    this.names = plan.layout.columns;
    const tsPlan = plan.dates.ts;
    this.ts = tsPlan && plan.mapping.ts !== undefined ? new DateReader(tsPlan.format, plan.timeZone) : undefined;
    this.money = new MoneyReader(plan.decimalMark);
    this.propColumns = propColumnsOf(plan);
    this.propKeys = [...new Set(this.propColumns.map((column) => column.key))].sort();
  }

  value(fields: readonly string[], field: CanonicalField): string {
    const index = this.column[field];
    return index === undefined ? '' : (fields[index] ?? '').trim();
  }

  /**
   * The row's order id, or '' when it identifies nothing: a placeholder ("NA", "-") is a missing
   * id; a number Excel rounded ("4.6E+15") too, with a warning (`line` 0: no warning).
   */
  orderId(fields: readonly string[], line: number): string {
    const value = this.value(fields, 'orderId');
    const issue = value ? idIssueOf(value, this.placeholders) : undefined;
    if (!issue) return value;
    if (issue === 'excel' && line > 0) {
      const column = this.columnName('orderId');
      this.warn('excel_number', line, { column, value, action: 'orderId' }, column);
    }
    return '';
  }

  columnName(field: CanonicalField): string {
    const index = this.column[field];
    return index === undefined ? field : this.names[index]!;
  }

  /** The props of a row: non-empty values, trimmed; money normalised to a plain number. */
  props(fields: readonly string[]): Record<string, string> {
    const props: Record<string, string> = {};
    for (const column of this.propColumns) {
      const value = this.propColumnValue(column, fields);
      if (value !== undefined) props[column.key] = value;
    }
    return props;
  }

  /** `props(fields)[key]`, without making the props (a later column with the same key wins there too). */
  propValue(fields: readonly string[], key: string): string | undefined {
    let found: string | undefined;
    for (const column of this.propColumns) {
      if (column.key !== key) continue;
      const value = this.propColumnValue(column, fields);
      if (value !== undefined) found = value;
    }
    return found;
  }

  private propColumnValue(column: PropColumn, fields: readonly string[]): string | undefined {
    const raw = fields[column.index];
    if (raw === undefined || raw === '') return undefined;
    const value = raw.trim();
    if (!value || (column.isId && idIssueOf(value, this.placeholders))) return undefined;
    if (column.isMoney) {
      const number = this.money.read(value);
      return Number.isNaN(number) ? value : String(cleanMoney(number));
    }
    return column.interned ? intern(column, value) : value;
  }
}

function intern(column: PropColumn, value: string): string {
  const interned = column.interned!;
  const known = interned.get(value);
  if (known !== undefined) return known;
  if (interned.size >= MAX_INTERNED) column.interned = undefined;
  else interned.set(value, value);
  return value;
}

/** Which columns become props, and under which keys. */
function propColumnsOf(plan: ImportPlan): PropColumn[] {
  const mappedColumns = new Set(Object.values(plan.mapping));
  const columns: PropColumn[] = [];
  for (const [field, index] of Object.entries(plan.mapping) as [CanonicalField, number][]) {
    const spec = FIELD_SPECS[field];
    if (isCustomerField(field) || !spec.propKey) continue;
    if (plan.kind === 'lines' && LINE_LEVEL_FIELDS.has(field)) continue;
    const isId = field === 'orderId';
    columns.push({ index, key: spec.propKey, isMoney: spec.type === 'money', isId, interned: isId ? undefined : new Map() });
  }
  if (plan.kind === 'events' && plan.mapping.price !== undefined) columns.push({ index: plan.mapping.price, key: 'price', isMoney: true, isId: false, interned: undefined });
  plan.layout.columns.forEach((name, index) => {
    if (!mappedColumns.has(index)) columns.push({ index, key: name, isMoney: false, isId: false, interned: new Map() });
  });
  return columns;
}
