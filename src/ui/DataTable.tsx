import { DataGrid, type DataGridProps, type GridLocaleText, type GridRowParams, type GridValidRowModel } from '@mui/x-data-grid';
import { enUS, ruRU } from '@mui/x-data-grid/locales';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/i18n';
import { useFormat } from './format';
import { useLanguage } from './useLanguage';

const GRID_TEXTS: Record<Language, Partial<GridLocaleText>> = {
  en: enUS.components.MuiDataGrid.defaultProps.localeText,
  ru: ruRU.components.MuiDataGrid.defaultProps.localeText,
};

/**
 * MUI X's DataGrid in the interface language: its own texts ("Rows per page", column menu,
 * "No rows") from the grid's locale, and the page range ("1–50 of 5 000") with grouped numbers
 * (the grid's Russian locale leaves that one in English). Every table with paging or sorting
 * uses this, not DataGrid directly. Pass `localeText` only for texts of your own (e.g.
 * `noRowsLabel`); they are added to the language's texts, not put in their place.
 *
 * `onRowActivate` opens a row (its card, its details) on a click and on Enter in any of its
 * cells, so the keyboard reaches what the mouse does.
 */
export function DataTable<R extends GridValidRowModel>({ localeText, onRowActivate, sx, ...props }: DataGridProps<R> & { onRowActivate?(row: R): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useLanguage();
  const texts = useMemo<Partial<GridLocaleText>>(
    () => ({
      ...GRID_TEXTS[language],
      paginationDisplayedRows: ({ from, to, count }) =>
        t('table.pageRange', { from: format.count(from), to: format.count(to), total: count === -1 ? t('table.many', { to: format.count(to) }) : format.count(count) }),
      // Texts the grid's Russian locale leaves in English.
      columnHeaderSortIconAriaLabel: (column, direction) => t(direction === 'asc' ? 'table.sortAscending' : direction === 'desc' ? 'table.sortDescending' : 'table.sortRemove', { column }),
      columnMenuAriaLabel: (column) => t('table.columnMenu', { column }),
      ...localeText,
    }),
    [language, t, format, localeText],
  );
  return (
    <DataGrid<R>
      {...props}
      // The page's Content-Security-Policy forbids eval; the grid would otherwise probe for it
      // (a reported violation) to compile its filters.
      disableEval
      localeText={texts}
      onRowClick={onRowActivate ? (params: GridRowParams<R>) => onRowActivate(params.row) : props.onRowClick}
      onCellKeyDown={onRowActivate ? (params, event) => event.key === 'Enter' && onRowActivate(params.row) : props.onCellKeyDown}
      sx={[onRowActivate ? { '& .MuiDataGrid-row': { cursor: 'pointer' } } : {}, ...(Array.isArray(sx) ? sx : [sx])]}
    />
  );
}
