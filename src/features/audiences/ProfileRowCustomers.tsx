import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import { audienceInRow, type AudienceProfile, type ProfileRow } from '../../domain/audiences/profile';
import type { AudienceCountRequest, AudienceCustomerRow } from '../../engine/audiences/audienceTypes';
import { useFormat } from '../../ui/format';
import { useEngineCall } from '../../workers/useEngineCall';
import { CustomerPageTable, CustomersDialog, useCustomerPaging } from '../data/CustomerPages';
import { useAudienceCustomerColumns } from './AudienceCustomers';

export interface OpenProfileRow {
  row: ProfileRow;
  /** the row's label as the table shows it */
  label: string;
}

/** The customers of the audience in one profile row (audience AND segment / status / stage / channel …), paged in the worker; a row opens the customer card. */
export function ProfileRowCustomers({ workspace, request, audienceName, base, open, onClose }: {
  workspace: Workspace;
  request: AudienceCountRequest;
  audienceName: string;
  /** the whole base's profile: the "none" row is "in none of the base's keys" */
  base: AudienceProfile;
  open: OpenProfileRow;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { pagination, setPagination, pageArgs } = useCustomerPaging(25);
  const condition = useMemo(() => audienceInRow(request.condition, open.row, base), [request.condition, open.row, base]);
  const page = useEngineCall('audiences', 'customers', { ...request, condition, ...pageArgs });
  const columns = useAudienceCustomerColumns();
  const title = t('audiences.profile.rowTitle', { audience: audienceName, row: open.label });
  return (
    <CustomersDialog
      titleId="audience-row-title"
      title={<span data-value>{title}</span>}
      count={page.value ? t('audiences.profile.rowCount', { formatted: format.count(page.value.matched) }) : null}
      countTestId="audience-row-count"
      hint={t('audiences.profile.rowHint')}
      contentTestId="audience-row-customers"
      maxWidth="md"
      closeLabel={t('audiences.profile.close')}
      onClose={onClose}
    >
      <CustomerPageTable<AudienceCustomerRow> workspace={workspace} page={page} columns={columns} pagination={pagination} onPaginationChange={setPagination} height={420} aria-label={title} />
    </CustomersDialog>
  );
}
