import { describe, expect, it } from 'vitest';
import { chosenExportColumns, DEFAULT_AUDIENCE_EXPORT_COLUMNS, parseAudienceExportSettings } from './exportColumns';

describe('the remembered export columns', () => {
  it('are validated when read: a version, at least one column, each named', () => {
    expect(parseAudienceExportSettings({ version: 1, columns: ['id', 'orders', 'id'] })).toEqual({ ok: true, value: { version: 1, columns: ['id', 'orders'] } });
    expect(parseAudienceExportSettings({ version: 1, columns: [] })).toEqual({ ok: false, error: 'columns: at least one column' });
    expect(parseAudienceExportSettings({ version: 2, columns: ['id'] }).ok).toBe(false);
    expect(parseAudienceExportSettings({ version: 1, columns: ['id'], extra: true }).ok).toBe(false);
    expect(parseAudienceExportSettings('id,name').ok).toBe(false);
  });

  it('keep their order, leave out the columns the data no longer has, and fall back to the defaults when none is left', () => {
    const available = ['id', 'name', 'email', 'phone', 'orders', 'attrs.city'];
    expect(chosenExportColumns(['orders', 'id', 'attrs.city'], available)).toEqual(['orders', 'id', 'attrs.city']);
    expect(chosenExportColumns(['orders', 'attrs.gone'], available)).toEqual(['orders']);
    expect(chosenExportColumns(['attrs.gone'], available)).toEqual([...DEFAULT_AUDIENCE_EXPORT_COLUMNS]);
    expect(chosenExportColumns(['attrs.gone'], undefined)).toEqual(['attrs.gone']);
  });
});
