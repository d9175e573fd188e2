import { Alert, Autocomplete, Box, Button, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import CasinoIcon from '@mui/icons-material/CasinoOutlined';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMessageFor } from '../../../domain/chains/messagePreview';
import type { MessageNode } from '../../../domain/chains/types';
import type { CustomerRow } from '../../../domain/customers/customerTable';
import { customerDisplayName, type Workspace } from '../../../domain';
import { MessageLook } from './MessageLook';
import { Section } from './FormParts';
import { randomCustomer, useCustomerSearch, usePickedCustomer, type PickedCustomer } from './useCustomerPick';

function rowLabel(row: Pick<CustomerRow, 'name' | 'id' | 'email' | 'phone'>): string {
  const contact = row.email || row.phone;
  return [row.name || row.id, contact].filter(Boolean).join(' · ');
}

/** Search by name, email, phone or id, or a random customer. */
function CustomerPicker({ workspace, picked, onPick, testId }: { workspace: Workspace; picked: PickedCustomer | null; onPick(next: PickedCustomer | null): void; testId: string }) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const search = useDeferredValue(input);
  const { rows, total, isCurrent } = useCustomerSearch(workspace, search);
  // An earlier search's customers are not offered while the typed one is on its way: a quick
  // typist's Enter or click would pick someone who does not match what they typed.
  const isSearching = search !== input || !isCurrent;
  const [isRolling, setIsRolling] = useState(false);
  const [pickedRow, setPickedRow] = useState<CustomerRow | null>(null);
  const value = picked && pickedRow && pickedRow.index === picked.index ? pickedRow : null;
  async function pickRandom(): Promise<void> {
    if (total === null) return;
    setIsRolling(true);
    try {
      const next = await randomCustomer(workspace, total);
      setPickedRow(null);
      onPick(next);
    } finally {
      setIsRolling(false);
    }
  }
  if (total === 0 && !search) return <Alert severity="info">{t('inspector.preview.noCustomers')}</Alert>;
  return (
    <Stack sx={{ gap: 1, alignItems: 'flex-start' }}>
      <Autocomplete
        size="small"
        fullWidth
        options={isSearching ? [] : rows}
        loading={isSearching}
        loadingText={t('inspector.preview.searching')}
        value={value}
        filterOptions={(options) => options}
        getOptionLabel={rowLabel}
        getOptionKey={(row) => row.index}
        isOptionEqualToValue={(option, selected) => option.index === selected.index}
        inputValue={input}
        onInputChange={(_event, text) => setInput(text)}
        onChange={(_event, row) => {
          setPickedRow(row);
          onPick(row ? { index: row.index, id: row.id } : null);
        }}
        noOptionsText={t('conditions.options.noOptions')}
        renderInput={(params) => <TextField {...params} label={t('inspector.preview.customer')} placeholder={t('inspector.preview.search')} slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': `${testId}-customer` } }} />}
      />
      <Button variant="outlined" size="small" startIcon={<CasinoIcon />} onClick={() => void pickRandom()} disabled={total === null || isRolling} data-testid={`${testId}-random`}>
        {t('inspector.preview.random')}
      </Button>
    </Stack>
  );
}

/**
 * The message as a real customer of the workspace would get it: fields filled from their profile,
 * fallbacks where they lack a value, in the channel's look. The pick survives switching nodes.
 */
export function MessagePreview({ node, workspace, timeZone, picked, onPick, testId }: {
  node: MessageNode;
  workspace: Workspace;
  timeZone: string;
  picked: PickedCustomer | null;
  onPick(next: PickedCustomer | null): void;
  testId: string;
}) {
  const { t } = useTranslation();
  const loaded = usePickedCustomer(workspace.id, picked);
  const customer = loaded.status === 'ready' ? loaded.customer : null;
  const rendered = useMemo(() => (customer ? renderMessageFor(node, customer, timeZone) : null), [node, customer, timeZone]);
  return (
    <Section title={t('inspector.preview.title')} testId={testId}>
      <CustomerPicker workspace={workspace} picked={picked} onPick={onPick} testId={testId} />
      {loaded.status === 'none' && <Typography variant="body2" color="text.secondary">{t('inspector.preview.pick')}</Typography>}
      {loaded.status === 'loading' && <LinearProgress aria-label={t('inspector.preview.loading')} />}
      {loaded.status === 'missing' && <Alert severity="warning">{t('inspector.preview.notFound')}</Alert>}
      {customer && (
        <Box data-testid={`${testId}-for`} data-customer-id={customer.id} sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="body2" data-testid={`${testId}-customer-name`} data-value>
            {customerDisplayName(customer)}
            <Typography component="span" variant="caption" color="text.secondary">{` · ${customer.id}`}</Typography>
          </Typography>
          {!node.channel || !rendered ? (
            <Alert severity="info">{t('inspector.preview.noChannel')}</Alert>
          ) : (
            <MessageLook channel={node.channel} message={rendered} customer={customer} />
          )}
        </Box>
      )}
    </Section>
  );
}
