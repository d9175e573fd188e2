import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, List, ListItem, ListItemButton, ListItemText, MenuItem, Stack, TextField, Typography, useMediaQuery, useTheme } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { createChainRecord, getDatabase } from '../../../db';
import type { Workspace } from '../../../domain';
import { buildTemplate, chainForInaction, CHAIN_TEMPLATES } from '../../../domain/chains';
import type { InactionListId } from '../../../domain/journey';
import { useAppStore } from '../../../store/appStore';
import { errorMessage } from '../../../ui/errorMessage';
import { eventTypeLabel } from '../../../ui/eventTypeLabel';
import { useFormat } from '../../../ui/format';
import { useLanguage } from '../../../ui/useLanguage';
import { useJourneySettings, type JourneySettings } from '../../journey/journeySettings';
import { stageName } from '../../journey/labels';
import { useWorkspaceStats } from '../../workspaces/useWorkspaces';
import { audienceTimeFor, fitEventTypes, type EventTypeChoice, type TemplateChoice } from './templateChoice';

type NamedCount = { name: string; count: number };

/** One event type of the template: what it became, and a choice among the workspace's types. */
function EventTypeRow({ item, eventTypes, onChoose }: { item: EventTypeChoice; eventTypes: readonly NamedCount[]; onChoose(type: string, to: string): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isMissing = item.how === null && !item.isProjected;
  const hint = item.how === null
    ? [item.isProjected ? t('chains.templates.projected') : t('chains.templates.missing', { type: item.type }), item.suggestions.length ? t('chains.templates.closest', { names: item.suggestions.join(', ') }) : ''].join(' ').trim()
    : t(`chains.templates.how.${item.how}`);
  return (
    <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 1 }} data-testid="template-event-type" data-type={item.type} data-missing={isMissing ? 'true' : 'false'}>
      <TextField
        select
        size="small"
        label={t('chains.templates.typeLabel', { type: eventTypeLabel(t, item.type) })}
        value={item.to}
        onChange={(event) => onChoose(item.type, event.target.value)}
        helperText={hint}
        error={isMissing}
        sx={{ flexGrow: 1, '& .MuiFormHelperText-root': { color: item.how === 'similar' ? 'warning.dark' : undefined } }}
      >
        {!eventTypes.some((type) => type.name === item.type) && <MenuItem value={item.type}>{t('chains.templates.keep', { type: item.type })}</MenuItem>}
        {eventTypes.map((type) => (
          <MenuItem key={type.name} value={type.name}>{`${eventTypeLabel(t, type.name)} · ${format.count(type.count)}`}</MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}

/** The chosen template's rule, size and event types as fitted to this workspace; what the data lacks is flagged. */
function TemplateDetails({ choice, eventTypes, title, stage, notes, onChoose }: {
  choice: TemplateChoice;
  eventTypes: readonly NamedCount[];
  title: string;
  stage: string;
  /** how a chain made from a list differs from the list (approximations) */
  notes: readonly string[];
  onChoose(type: string, to: string): void;
}) {
  const { t } = useTranslation();
  const messages = choice.chain.nodes.filter((node) => node.kind === 'message').length;
  return (
    <Stack spacing={1.5} sx={{ flexGrow: 1, minWidth: 0 }} data-testid="template-details">
      <Box>
        <Typography variant="h6" component="h3">{title}</Typography>
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', mt: 0.5 }}>
          <Chip size="small" label={t('chains.templates.stage', { stage })} />
          <Chip size="small" variant="outlined" label={t('chains.templates.steps', { count: choice.chain.nodes.length, messages })} />
        </Stack>
      </Box>
      <Box>
        <Typography variant="subtitle2" component="h4">{t('chains.templates.rule')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-line' }}>{choice.chain.description}</Typography>
      </Box>
      {notes.length > 0 && (
        <Alert severity="info" data-testid="template-notes">
          {t('chains.templates.approximations')}
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>{notes.map((note) => <li key={note}>{note}</li>)}</Box>
        </Alert>
      )}
      <Typography variant="subtitle2" component="h4">{t('chains.templates.eventTypes')}</Typography>
      {choice.eventTypes.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{t('chains.templates.noEvents')}</Typography>
      ) : (
        <Stack spacing={1.5}>
          {choice.eventTypes.map((item) => <EventTypeRow key={item.type} item={item} eventTypes={eventTypes} onChoose={onChoose} />)}
        </Stack>
      )}
      {eventTypes.length === 0 ? (
        <Alert severity="info">{t('chains.templates.noData')}</Alert>
      ) : choice.missing > 0 ? (
        <Alert severity="warning" data-testid="template-missing">{t('chains.templates.missingCount', { count: choice.missing })}</Alert>
      ) : choice.eventTypes.length > 0 ? (
        <Alert severity="success">{t('chains.templates.allMatched')}</Alert>
      ) : null}
    </Stack>
  );
}

/** "Make a chain for these" from an inaction list of the journey screen: the list's customers as a one-off audience. */
export interface InactionSource {
  list: InactionListId;
  /** the list's as-of day, YYYY-MM-DD */
  asOfDate: string;
  settings: JourneySettings;
}

function useBuiltChain(workspace: Workspace, templateId: string, inaction: InactionSource | undefined) {
  const language = useLanguage();
  const stats = useWorkspaceStats(workspace);
  return useMemo(() => {
    if (!stats) return null;
    if (inaction) {
      // The customers on the list's day enter once, at 11:00 local of that day.
      const made = chainForInaction(inaction.list, { language, settings: inaction.settings.inaction, stageMapping: inaction.settings.mapping, at: `${inaction.asOfDate}T11:00` });
      return made.ok ? { ok: true as const, chain: made.chain, templateId: made.templateId, notes: made.approximations.map((note) => note[language]) } : { ok: false as const, message: made.message[language] };
    }
    const chain = buildTemplate(templateId, { language, ...(stats.lastPlausibleTs === null ? {} : { audienceAt: audienceTimeFor(stats.lastPlausibleTs, workspace.timeZone) }) });
    return { ok: true as const, chain, templateId, notes: [] };
  }, [stats, inaction, language, templateId, workspace.timeZone]);
}

/**
 * Create from a template: the textbook's templates (name, one line), and for the chosen one its
 * rule, stage, size and event types as fitted to this workspace's data — each can be changed, and
 * what the data lacks is flagged before anything is created. With `inaction`, the one template
 * that fits the list, its trigger the list's condition.
 */
export function TemplatePicker({ workspace, inaction, onClose }: { workspace: Workspace; inaction?: InactionSource; onClose(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const isWide = useMediaQuery(useTheme().breakpoints.up('md'));
  const navigate = useNavigate();
  const notify = useAppStore((state) => state.notify);
  const stats = useWorkspaceStats(workspace);
  const settings = useJourneySettings(workspace.id);
  const [templateId, setTemplateId] = useState(CHAIN_TEMPLATES[0]!.id);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);
  const eventTypes = useMemo(() => (stats?.eventTypes ?? []).map((type) => ({ name: type.type, count: type.count })), [stats]);
  const built = useBuiltChain(workspace, templateId, inaction);
  const choice = useMemo(() => (built?.ok ? fitEventTypes(built.chain, eventTypes, chosen) : null), [built, eventTypes, chosen]);
  const template = CHAIN_TEMPLATES.find((item) => item.id === (built?.ok ? built.templateId : templateId))!;
  async function create(): Promise<void> {
    if (!choice) return;
    setBusy(true);
    try {
      const chain = await createChainRecord(getDatabase(), workspace.id, choice.chain);
      notify('success', t('chains.created', { name: chain.name }));
      navigate(`/chains/${chain.id}`);
    } catch (error) {
      notify('error', errorMessage(error, t));
      setBusy(false);
    }
  }
  return (
    <Dialog open onClose={isBusy ? undefined : onClose} aria-labelledby="template-title" maxWidth={inaction ? 'md' : 'lg'} fullWidth>
      <DialogTitle id="template-title">{inaction ? t('chains.templates.fromList', { list: t(`journey.inaction.lists.${inaction.list}`) }) : t('chains.templates.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1.5 }}>{t('chains.templates.help')}</DialogContentText>
        <Stack direction={isWide ? 'row' : 'column'} sx={{ gap: 2, alignItems: 'stretch' }}>
          {!inaction && (
            <List dense aria-label={t('chains.templates.list')} data-testid="template-list" sx={{ width: isWide ? 300 : 'auto', flexShrink: 0, border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: isWide ? 520 : 240, overflow: 'auto', py: 0 }}>
              {CHAIN_TEMPLATES.map((item) => (
                <ListItem key={item.id} disablePadding>
                <ListItemButton selected={item.id === templateId} onClick={() => { setTemplateId(item.id); setChosen({}); }} data-testid="template-option" data-template-id={item.id}>
                  <ListItemText primary={item.name[language]} secondary={item.summary[language]} />
                </ListItemButton>
                </ListItem>
              ))}
            </List>
          )}
          {built && !built.ok && <Alert severity="error" sx={{ flexGrow: 1 }}>{built.message}</Alert>}
          {built?.ok && choice && (
            <TemplateDetails
              choice={choice}
              eventTypes={eventTypes}
              title={choice.chain.name}
              stage={settings ? stageName(settings.mapping, template.stage, t) : template.stage}
              notes={built.notes}
              onChoose={(type, to) => setChosen((current) => ({ ...current, [type]: to }))}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={isBusy}>{t('chains.cancel')}</Button>
        <Button variant="contained" onClick={() => void create()} disabled={!choice || isBusy} data-testid="create-from-template">{t('chains.templates.create')}</Button>
      </DialogActions>
    </Dialog>
  );
}
