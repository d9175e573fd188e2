import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import PeopleIcon from '@mui/icons-material/People';
import AccountTreeIcon from '@mui/icons-material/AccountTreeOutlined';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import { INACTION_LISTS, type InactionListId, type InactionSettings } from '../../domain/journey';
import { useFormat } from '../../ui/format';
import type { JourneyOverview, JourneyRequest } from '../../engine';
import { TemplatePicker } from '../chains/list/TemplatePicker';
import { InactionList } from './InactionList';
import { saveJourneySetting, type JourneySettings } from './journeySettings';
import { stageName } from './labels';

const DAYS_FIELD: Record<InactionListId, 'considerationDays' | 'subscribedMinDays' | 'repeatAfterDays'> = {
  considered_not_bought: 'considerationDays',
  subscribed_no_order: 'subscribedMinDays',
  one_order_no_repeat: 'repeatAfterDays',
};

function DaysField({ workspace, list, settings }: { workspace: Workspace; list: InactionListId; settings: InactionSettings }) {
  const { t } = useTranslation();
  const name = DAYS_FIELD[list];
  const [text, setText] = useState<string | null>(null);
  const value = text ?? String(settings[name]);
  const days = Number(value);
  const isValid = /^\d+$/.test(value.trim()) && days <= 3650 && (name !== 'considerationDays' || days >= 1);
  function commit(): void {
    if (isValid && days !== settings[name]) void saveJourneySetting(workspace.id, 'inaction', { ...settings, [name]: days });
    if (isValid) setText(null);
  }
  return (
    <TextField size="small" type="number" label={t(`journey.inaction.days.${list}`)} value={value} error={!isValid} sx={{ width: 200 }}
      onChange={(event) => setText(event.target.value.slice(0, 4))} onBlur={commit} onKeyDown={(event) => event.key === 'Enter' && commit()}
      slotProps={{ htmlInput: { min: name === 'considerationDays' ? 1 : 0, max: 3650, 'data-testid': `inaction-days-${list}` } }} />
  );
}

function ListCard({ workspace, settings, overview, list, isSelected, onSelect, onMakeChain }: {
  workspace: Workspace;
  settings: JourneySettings;
  overview: JourneyOverview;
  list: InactionListId;
  isSelected: boolean;
  onSelect(): void;
  onMakeChain(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const info = overview.inactionCounts![list];
  return (
    <Paper sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5, outline: isSelected ? '2px solid' : 'none', outlineColor: 'primary.main' }} data-testid={`inaction-card-${list}`}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>{t(`journey.inaction.lists.${list}`)}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>{list === 'subscribed_no_order' && settings.inaction.subscribedMinDays === 0 ? t('journey.inaction.subscribedAnyTime') : t(`journey.inaction.descriptions.${list}`, { days: format.daysShort(settings.inaction[DAYS_FIELD[list]]) })}</Typography>
      {info.missingStage ? (
        <Alert severity="warning">{t('journey.inaction.missingStage', { stage: stageName(settings.mapping, info.missingStage, t) })}</Alert>
      ) : (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
          <Typography variant="h4" component="div" data-testid={`inaction-count-${list}`}>{format.count(info.count)}</Typography>
          <Typography color="text.secondary">{t('journey.inaction.customers', { count: info.count })}</Typography>
        </Stack>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <DaysField key={settings.inaction[DAYS_FIELD[list]]} workspace={workspace} list={list} settings={settings.inaction} />
        <Button variant={isSelected ? 'contained' : 'outlined'} startIcon={<PeopleIcon />} onClick={onSelect} disabled={Boolean(info.missingStage)} data-testid={`inaction-show-${list}`}>
          {isSelected ? t('journey.inaction.hide') : t('journey.inaction.show')}
        </Button>
        <Button variant="text" startIcon={<AccountTreeIcon />} onClick={onMakeChain} disabled={Boolean(info.missingStage)} data-testid={`inaction-chain-${list}`}>
          {t('chains.journey.makeChain')}
        </Button>
      </Stack>
    </Paper>
  );
}

export function InactionPanel({ workspace, settings, overview, request, onOpenCustomer }: {
  workspace: Workspace;
  settings: JourneySettings;
  overview: JourneyOverview;
  request: JourneyRequest;
  onOpenCustomer(index: number): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [selected, setSelected] = useState<InactionListId | null>(null);
  const [chainFor, setChainFor] = useState<InactionListId | null>(null);
  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="h6" component="h2">{t('journey.inaction.title', { date: format.calendarDate(overview.asOfDate!) })}</Typography>
        <Typography variant="body2" color="text.secondary">{t('journey.inaction.help')}</Typography>
      </Box>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' } }}>
        {INACTION_LISTS.map((list) => (
          <ListCard key={list} workspace={workspace} settings={settings} overview={overview} list={list} isSelected={selected === list} onSelect={() => setSelected(selected === list ? null : list)} onMakeChain={() => setChainFor(list)} />
        ))}
      </Box>
      {selected && !overview.inactionCounts![selected].missingStage && (
        <InactionList key={JSON.stringify([selected, request.asOfDate, settings.inaction, settings.mapping])} list={selected} settings={settings} request={request} onOpenCustomer={onOpenCustomer} />
      )}
      {chainFor && <TemplatePicker workspace={workspace} inaction={{ list: chainFor, asOfDate: overview.asOfDate!, settings }} onClose={() => setChainFor(null)} />}
    </Stack>
  );
}
