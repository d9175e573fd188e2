import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, List, ListItemButton, ListItemText, MenuItem, Stack, TextField, Typography, useMediaQuery, useTheme } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { createChainRecord, getDatabase } from '../../../db';
import type { Workspace } from '../../../domain';
import { CHAIN_TEMPLATES } from '../../../domain/chains';
import { useAppStore } from '../../../store/appStore';
import { errorMessage } from '../../../ui/errorMessage';
import { eventTypeLabel } from '../../../ui/eventTypeLabel';
import { formatInteger } from '../../../ui/format';
import { useLanguage } from '../../../ui/useLanguage';
import { useJourneySettings } from '../../journey/journeySettings';
import { stageName } from '../../journey/labels';
import { useWorkspaceStats } from '../../workspaces/useWorkspaces';
import { audienceTimeFor, chooseTemplate, type EventTypeChoice } from './templateChoice';

type NamedCount = { name: string; count: number };

/** One event type of the template: what it became, and a choice among the workspace's types. */
function EventTypeRow({ item, eventTypes, onChoose }: { item: EventTypeChoice; eventTypes: readonly NamedCount[]; onChoose(type: string, to: string): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
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
          <MenuItem key={type.name} value={type.name}>{`${eventTypeLabel(t, type.name)} · ${formatInteger(type.count, language)}`}</MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}

/**
 * Create from a template: the textbook's templates (name, one line, stage), and for the chosen
 * one its rule, size and event types as fitted to this workspace's data — each can be changed,
 * and what the data lacks is flagged before anything is created.
 */
export function TemplatePicker({ workspace, onClose }: { workspace: Workspace; onClose(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const theme = useTheme();
  const isWide = useMediaQuery(theme.breakpoints.up('md'));
  const navigate = useNavigate();
  const notify = useAppStore((state) => state.notify);
  const stats = useWorkspaceStats(workspace);
  const settings = useJourneySettings(workspace.id);
  const [templateId, setTemplateId] = useState(CHAIN_TEMPLATES[0]!.id);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);
  const eventTypes = useMemo(() => (stats?.eventTypes ?? []).map((type) => ({ name: type.type, count: type.count })), [stats]);
  const choice = useMemo(
    () => (stats ? chooseTemplate({ templateId, language, eventTypes, chosen, audienceAt: audienceTimeFor(stats.lastTs, workspace.timeZone) }) : null),
    [stats, templateId, language, eventTypes, chosen, workspace.timeZone],
  );
  const template = CHAIN_TEMPLATES.find((item) => item.id === templateId)!;
  const nameOfStage = (stage: string) => (settings ? stageName(settings.mapping, stage, t) : stage);
  function pick(id: string): void {
    setTemplateId(id);
    setChosen({});
  }
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
  const messages = choice?.chain.nodes.filter((node) => node.kind === 'message').length ?? 0;
  return (
    <Dialog open onClose={isBusy ? undefined : onClose} aria-labelledby="template-title" maxWidth="lg" fullWidth>
      <DialogTitle id="template-title">{t('chains.templates.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1.5 }}>{t('chains.templates.help')}</DialogContentText>
        <Stack direction={isWide ? 'row' : 'column'} sx={{ gap: 2, alignItems: 'stretch' }}>
          <List dense aria-label={t('chains.templates.list')} data-testid="template-list" sx={{ width: isWide ? 300 : 'auto', flexShrink: 0, border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: isWide ? 520 : 240, overflow: 'auto', py: 0 }}>
            {CHAIN_TEMPLATES.map((item) => (
              <ListItemButton key={item.id} selected={item.id === templateId} onClick={() => pick(item.id)} data-testid="template-option" data-template-id={item.id}>
                <ListItemText primary={item.name[language]} secondary={item.summary[language]} />
              </ListItemButton>
            ))}
          </List>
          <Stack spacing={1.5} sx={{ flexGrow: 1, minWidth: 0 }} data-testid="template-details">
            <Box>
              <Typography variant="h6" component="h3">{template.name[language]}</Typography>
              <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', mt: 0.5 }}>
                <Chip size="small" label={t('chains.templates.stage', { stage: nameOfStage(template.stage) })} />
                {choice && <Chip size="small" variant="outlined" label={t('chains.templates.steps', { count: choice.chain.nodes.length, messages })} />}
              </Stack>
            </Box>
            {choice && (
              <>
                <Box>
                  <Typography variant="subtitle2" component="h4">{t('chains.templates.rule')}</Typography>
                  <Typography variant="body2" color="text.secondary">{choice.chain.description}</Typography>
                </Box>
                <Typography variant="subtitle2" component="h4">{t('chains.templates.eventTypes')}</Typography>
                {choice.eventTypes.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">{t('chains.templates.noEvents')}</Typography>
                ) : (
                  <Stack spacing={1.5}>
                    {choice.eventTypes.map((item) => (
                      <EventTypeRow key={item.type} item={item} eventTypes={eventTypes} onChoose={(type, to) => setChosen((current) => ({ ...current, [type]: to }))} />
                    ))}
                  </Stack>
                )}
                {eventTypes.length === 0 ? (
                  <Alert severity="info">{t('chains.templates.noData')}</Alert>
                ) : choice.missing > 0 ? (
                  <Alert severity="warning" data-testid="template-missing">{t('chains.templates.missingCount', { count: choice.missing })}</Alert>
                ) : choice.eventTypes.length > 0 ? (
                  <Alert severity="success">{t('chains.templates.allMatched')}</Alert>
                ) : null}
              </>
            )}
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={isBusy}>{t('chains.cancel')}</Button>
        <Button variant="contained" onClick={() => void create()} disabled={!choice || isBusy} data-testid="create-from-template">{t('chains.templates.create')}</Button>
      </DialogActions>
    </Dialog>
  );
}
