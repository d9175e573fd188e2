import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography, type DialogProps } from '@mui/material';
import type { GridColDef, GridPaginationModel, GridSortModel } from '@mui/x-data-grid';
import { useState, type ReactNode } from 'react';
import type { Workspace } from '../../domain';
import { DataTable } from '../../ui/DataTable';
import { CustomerCard } from './CustomerCard';

/** One page of customers as the workers answer it: the rows shown and how many match in all. */
export interface CustomerPage<Row> {
  rows: Row[];
  matched: number;
}

/** Paging kept by the screen, because the page asked of the worker depends on it. */
export function useCustomerPaging(pageSize = 50) {
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize });
  return { pagination, setPagination, pageArgs: { page: pagination.page, pageSize: pagination.pageSize } };
}

export interface CustomerPageTableProps<Row extends { index: number }> {
  workspace: Workspace;
  /** The worker's answer for the current page (kept on screen while the next one loads). */
  page: { value: CustomerPage<Row> | undefined; isLoading: boolean };
  columns: GridColDef<Row>[];
  pagination: GridPaginationModel;
  onPaginationChange(model: GridPaginationModel): void;
  height: number;
  /** Sorting done by the worker; leave out for a table in the worker's own order. */
  sorting?: { model: GridSortModel; onChange(model: GridSortModel): void };
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * Customers paged in a worker: the table of one page and the customer card that a row opens
 * (by click or Enter). Every list of customers behind a figure (a segment, a cohort cell, an
 * audience) shows through this, so they page, sort and open a customer alike.
 */
export function CustomerPageTable<Row extends { index: number }>({ workspace, page, columns, pagination, onPaginationChange, height, sorting, ...rest }: CustomerPageTableProps<Row>) {
  const [openCustomer, setOpenCustomer] = useState<number | null>(null);
  return (
    <>
      <div style={{ height }} data-testid={rest['data-testid']}>
        <DataTable<Row>
          rows={page.value?.rows ?? []}
          columns={columns}
          getRowId={(row) => row.index}
          rowCount={page.value?.matched ?? 0}
          loading={page.isLoading}
          paginationMode="server"
          sortingMode={sorting ? 'server' : undefined}
          sortModel={sorting?.model}
          onSortModelChange={sorting?.onChange}
          disableColumnFilter
          paginationModel={pagination}
          onPaginationModelChange={onPaginationChange}
          pageSizeOptions={[25, 50, 100]}
          onRowActivate={(row) => setOpenCustomer(row.index)}
          disableRowSelectionOnClick
          density="compact"
          aria-label={rest['aria-label']}
        />
      </div>
      {openCustomer !== null && <CustomerCard workspace={workspace} customerIndex={openCustomer} onClose={() => setOpenCustomer(null)} />}
    </>
  );
}

export interface CustomersDialogProps {
  /** Id of the title, which names the dialog for assistive technology. */
  titleId: string;
  /** What the title says, with anything drawn before it (a segment's dot). */
  title: ReactNode;
  /** "1 234 customers", shown once the first page has come. */
  count: string | null;
  countTestId: string;
  hint: string;
  contentTestId: string;
  maxWidth: DialogProps['maxWidth'];
  closeLabel: string;
  /** Buttons before Close (an export). */
  actions?: ReactNode;
  onClose(): void;
  children: ReactNode;
}

/** The frame of a dialog listing the customers behind a figure: title with the count, a hint, the table, Close. */
export function CustomersDialog({ titleId, title, count, countTestId, hint, contentTestId, maxWidth, closeLabel, actions, onClose, children }: CustomersDialogProps) {
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth={maxWidth} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          {title}
          {count !== null && (
            <Typography component="span" color="text.secondary" data-testid={countTestId}>
              {count}
            </Typography>
          )}
        </Stack>
      </DialogTitle>
      <DialogContent dividers data-testid={contentTestId}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{hint}</Typography>
        {children}
      </DialogContent>
      <DialogActions>
        {actions}
        <Button onClick={onClose}>{closeLabel}</Button>
      </DialogActions>
    </Dialog>
  );
}
