import { z } from 'zod';
import { dictValue, type CustomerBlock } from '../columnar';
import { consentState, spendAndOrders } from '../conditions/evaluate';
import { customerDisplayName } from '../model';
import { CONSENT_CHANNELS, CUSTOMER_TEXT_FIELDS, type ConsentChannel, type CustomerTextField } from '../model/customer';
import { formatEpochDay, localDayNumber } from '../time';
import { asOfInstant, walkCustomersAsOf, type PreparedAudienceData } from './evaluate';

/**
 * The columns an audience's CSV may have (issue 15: "CSV export with the chosen columns"): the
 * customer id and display name, every profile field, the consent per channel, the purchase facts
 * as of the audience's date (orders, net spend, last order) and every source column
 * (`attrs.<column>`). The values are data; the file writer neutralises formulas (csvText).
 */
export const AUDIENCE_PURCHASE_COLUMNS = ['orders', 'netSpend', 'lastOrder'] as const;
export type AudienceExportColumn =
  | 'id'
  | 'name'
  | CustomerTextField
  | 'signupAt'
  | `consent.${ConsentChannel}`
  | (typeof AUDIENCE_PURCHASE_COLUMNS)[number]
  | `attrs.${string}`;

export const DEFAULT_AUDIENCE_EXPORT_COLUMNS: readonly AudienceExportColumn[] = ['id', 'name', 'email', 'phone'];

/** Every column the data offers, in the order of the chooser: identity, profile, consents, purchases, source columns. */
export function audienceExportColumns(customers: readonly CustomerBlock[]): AudienceExportColumn[] {
  const attrs = [...new Set(customers.flatMap((block) => Object.keys(block.attrs)))].sort((a, b) => a.localeCompare(b));
  return [
    'id',
    'name',
    ...CUSTOMER_TEXT_FIELDS,
    'signupAt',
    ...CONSENT_CHANNELS.map((channel) => `consent.${channel}` as const),
    ...AUDIENCE_PURCHASE_COLUMNS,
    ...attrs.map((name) => `attrs.${name}` as const),
  ];
}

function isTextField(column: string): column is CustomerTextField {
  return (CUSTOMER_TEXT_FIELDS as readonly string[]).includes(column);
}

/**
 * The members' rows, in customer order, with the chosen columns as of the audience's date
 * (`asOf`, null = the end of the data). Unknown columns are refused, not left empty.
 */
export function audienceExportRows(prepared: PreparedAudienceData, members: Uint8Array, columns: readonly string[], asOf: string | null): (string | number)[][] {
  const known = new Set<string>(audienceExportColumns(prepared.data.customers));
  const unknown = columns.filter((column) => !known.has(column));
  if (unknown.length) throw new Error(`Unknown export columns: ${unknown.join(', ')}`);
  const needsPurchases = columns.some((column) => (AUDIENCE_PURCHASE_COLUMNS as readonly string[]).includes(column));
  const { now } = asOfInstant(prepared, asOf);
  const rows: (string | number)[][] = [];
  walkCustomersAsOf(prepared, now, null, (moment) => {
    if (members[moment.customer] !== 1) return;
    const block = moment.profile;
    const row = moment.profileRow;
    const purchases = needsPurchases ? spendAndOrders(moment, prepared.types, null) : null;
    rows.push(columns.map((column) => {
      if (column === 'id') return block ? block.id[row]! : `#${moment.customer}`;
      if (!block) return '';
      if (column === 'name') return customerDisplayName({ id: '', firstName: block.text.firstName[row], lastName: block.text.lastName[row] });
      if (isTextField(column)) return block.text[column][row] ?? '';
      if (column === 'signupAt') return block.signupAt[row] === block.signupAt[row] ? formatEpochDay(localDayNumber(block.signupAt[row]!, prepared.timeZone)) : '';
      if (column.startsWith('consent.')) {
        const state = consentState(moment, column.slice(8) as ConsentChannel);
        return state === 'unknown' ? '' : state;
      }
      if (column === 'orders') return purchases!.orders;
      if (column === 'netSpend') return Math.round(purchases!.spend * 100) / 100;
      if (column === 'lastOrder') return purchases!.lastOrder === purchases!.lastOrder ? formatEpochDay(localDayNumber(purchases!.lastOrder, prepared.timeZone)) : '';
      const attr = block.attrs[column.slice(6)];
      return attr ? (dictValue(attr, row) ?? '') : '';
    }));
  });
  return rows;
}

/**
 * The export's chosen columns, remembered per workspace (a versioned stored setting): the next
 * export offers the same ones. Columns the data no longer has (a source column gone with a new
 * import) are left out when exporting, not refused: `chosenExportColumns`.
 */
export const AUDIENCE_EXPORT_SETTINGS_VERSION = 1;

export interface AudienceExportSettings {
  version: typeof AUDIENCE_EXPORT_SETTINGS_VERSION;
  columns: string[];
}

export function defaultAudienceExportSettings(): AudienceExportSettings {
  return { version: AUDIENCE_EXPORT_SETTINGS_VERSION, columns: [...DEFAULT_AUDIENCE_EXPORT_COLUMNS] };
}

const exportSettingsSchema = z
  .object({
    version: z.literal(AUDIENCE_EXPORT_SETTINGS_VERSION),
    columns: z.array(z.string().min(1).max(300)).min(1, 'at least one column').max(1000),
  })
  .strict();

/** Validates a stored value; never throws. */
export function parseAudienceExportSettings(value: unknown): { ok: true; value: AudienceExportSettings } | { ok: false; error: string } {
  const result = exportSettingsSchema.safeParse(value);
  if (result.success) return { ok: true, value: { version: AUDIENCE_EXPORT_SETTINGS_VERSION, columns: [...new Set(result.data.columns)] } };
  const issue = result.error.issues[0]!;
  return { ok: false, error: `${issue.path.join('.') || 'value'}: ${issue.message}` };
}

/** The remembered columns the data still offers, in their remembered order; the defaults when none of them is left. */
export function chosenExportColumns(remembered: readonly string[], available: readonly string[] | undefined): string[] {
  if (!available) return [...remembered];
  const offered = new Set(available);
  const kept = remembered.filter((column) => offered.has(column));
  return kept.length ? kept : [...DEFAULT_AUDIENCE_EXPORT_COLUMNS];
}
