import { Alert, Box, Chip, Divider, Drawer, IconButton, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { useLiveQuery } from '../../db/react';
import { useTranslation } from 'react-i18next';
import { getDatabase, loadCustomer, loadTimeline } from '../../db';
import { CONSENT_CHANNELS, customerDisplayName, type ConsentValue, type Customer, type Workspace } from '../../domain';
import { useFormat } from '../../ui/format';
import { BusyBar } from '../../ui/ProgressBars';
import { summarizeTimeline } from './customerSummary';
import { CustomerTimeline } from './CustomerTimeline';
import { CustomerRfmSection } from '../segments/CustomerRfmSection';
import { CustomerJourneySection } from '../journey/CustomerJourneySection';

/** One field of the profile; `isLabelData`: the label is a column name from the user's file. */
function Field({ label, value, isLabelData = false }: { label: string; value: string | undefined; isLabelData?: boolean }) {
  const { t } = useTranslation();
  return (
    <TableRow>
      <TableCell component="th" sx={{ color: 'text.secondary', width: '42%', pl: 0, wordBreak: 'break-word' }} data-value={isLabelData || undefined}>{label}</TableCell>
      <TableCell sx={{ wordBreak: 'break-word' }} data-value={value ? true : undefined}>{value || t('customer.missing')}</TableCell>
    </TableRow>
  );
}

function ConsentChip({ channel, value }: { channel: string; value: ConsentValue }) {
  const { t } = useTranslation();
  const status = value === null ? t('customer.consentUnknown') : value ? t('customer.consentYes') : t('customer.consentNo');
  return <Chip size="small" variant={value === null ? 'outlined' : 'filled'} color={value === null ? 'default' : value ? 'success' : 'error'} label={`${t(`channel.${channel}`)}: ${status}`} />;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box>
      <Typography variant="subtitle2" color="text.secondary" sx={{ textTransform: 'uppercase', letterSpacing: 0.5, mb: 0.5 }}>{title}</Typography>
      {children}
    </Box>
  );
}

function ProfileSections({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const gender = customer.gender === 'female' || customer.gender === 'male' ? t(`customer.${customer.gender}`) : customer.gender;
  const attrs = Object.entries(customer.attrs);
  return (
    <>
      <Section title={t('customer.contacts')}>
        <Table size="small"><TableBody>
          <Field label={t('customer.email')} value={customer.email} />
          <Field label={t('customer.phone')} value={customer.phone} />
          <Field label={t('customer.telegramId')} value={customer.telegramId} />
          <Field label={t('customer.pushToken')} value={customer.pushToken} />
        </TableBody></Table>
      </Section>
      <Section title={t('customer.consents')}>
        <Stack direction="row" data-testid="customer-consents" sx={{ flexWrap: 'wrap', gap: 1 }}>
          {CONSENT_CHANNELS.map((channel) => <ConsentChip key={channel} channel={channel} value={customer.consents[channel]} />)}
        </Stack>
      </Section>
      <Section title={t('customer.profile')}>
        <Table size="small"><TableBody>
          <Field label={t('customer.city')} value={customer.city} />
          <Field label={t('customer.gender')} value={gender} />
          <Field label={t('customer.birthDate')} value={customer.birthDate && format.calendarDate(customer.birthDate)} />
          <Field label={t('customer.signupAt')} value={customer.signupAt === undefined ? undefined : format.date(customer.signupAt)} />
        </TableBody></Table>
      </Section>
      <Section title={t('customer.attributes')}>
        {attrs.length === 0 ? <Typography variant="body2" color="text.secondary">{t('customer.noAttributes')}</Typography> : (
          <Table size="small"><TableBody>{attrs.map(([key, value]) => <Field key={key} label={key} value={value} isLabelData />)}</TableBody></Table>
        )}
      </Section>
    </>
  );
}

/** "Единая карточка клиента": profile, consents and the event timeline of one customer. */
export function CustomerCard({ workspace, customerIndex, onClose }: { workspace: Workspace; customerIndex: number; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  // The profile is one read; the timeline may scan many event blocks. Loaded apart, the name
  // and contacts show at once on a large workspace instead of waiting for the whole history.
  const profile = useLiveQuery(async () => ({ customer: await loadCustomer(getDatabase(), workspace.id, customerIndex) }), [workspace.id, workspace.dataVersion, customerIndex]);
  const customerId = profile?.customer?.id;
  const events = useLiveQuery(
    async () => (customerId === undefined ? undefined : loadTimeline(getDatabase(), workspace.id, { index: customerIndex, id: customerId })),
    [workspace.id, workspace.dataVersion, customerIndex, customerId],
  );
  const data = profile && { customer: profile.customer, events };
  const summary = events ? summarizeTimeline(events) : null;

  return (
    <Drawer anchor="right" open onClose={onClose} sx={{ zIndex: (theme) => theme.zIndex.modal }} slotProps={{ paper: { sx: { width: { xs: '100%', sm: 560 } }, 'aria-label': t('customer.card') } as object }}>
      <Stack spacing={2} sx={{ p: 3 }} data-testid="customer-card">
        <Stack direction="row" sx={{ alignItems: 'flex-start' }}>
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            <Typography variant="overline" color="text.secondary">{t('customer.card')}</Typography>
            <Typography variant="h5" component="h2" data-testid="customer-card-name" data-value>{data?.customer ? customerDisplayName(data.customer) : '…'}</Typography>
            <Typography variant="body2" color="text.secondary">{t('customer.id')}: <span data-value>{data?.customer?.id ?? '…'}</span></Typography>
          </Box>
          <IconButton aria-label={t('customer.close')} onClick={onClose}><CloseIcon /></IconButton>
        </Stack>
        {(!data || (data.customer && !events)) && <BusyBar />}
        {data && !data.customer && <Alert severity="warning">{t('errors.workspace.notFound')}</Alert>}
        {data?.customer && events && summary && (
          <>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 1 }} data-testid="customer-summary">
              <Box><Typography variant="caption" color="text.secondary">{t('customer.orders')}</Typography><Typography variant="h6">{format.count(summary.orders)}</Typography></Box>
              <Box><Typography variant="caption" color="text.secondary">{t('customer.revenue')}</Typography><Typography variant="h6">{format.money(summary.revenue, 'whole')}</Typography></Box>
              <Box><Typography variant="caption" color="text.secondary">{t('customer.aov')}</Typography><Typography variant="h6">{summary.averageOrder === null ? t('customer.missing') : format.money(summary.averageOrder, 'whole')}</Typography></Box>
            </Box>
            <CustomerRfmSection workspace={workspace} customerIndex={customerIndex} />
            <Divider />
            <CustomerJourneySection workspace={workspace} customer={data.customer} events={events} />
            <ProfileSections customer={data.customer} />
            <Divider />
            <CustomerTimeline events={events} />
          </>
        )}
      </Stack>
    </Drawer>
  );
}
