import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, IconButton, List, ListItemButton, ListItemText, Paper, Stack, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import AutoStoriesIcon from '@mui/icons-material/AutoStoriesOutlined';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from '../../db/react';
import { chainsNamingAudience, deleteAudience, getDatabase, newAudienceId, saveAudience } from '../../db';
import type { Workspace } from '../../domain';
import { AUDIENCE_VERSION, type SavedAudience } from '../../domain/audiences/audience';
import { audiencesNaming } from '../../domain/audiences/membership';
import { emptyGroup } from '../../domain/conditions/build';
import { useAppStore } from '../../store/appStore';
import { errorMessage } from '../../ui/errorMessage';
import { useFormat } from '../../ui/format';
import { useLanguage } from '../../ui/useLanguage';
import { useEngineCall } from '../../workers/useEngineCall';
import { useWorkspaceVocabulary } from '../conditions/useWorkspaceVocabulary';
import { useActiveWorkspace } from '../workspaces/useWorkspaces';
import { AudienceEditor, type AudienceDraft } from './AudienceEditor';
import { ReadyMadeDialog } from './ReadyMadeDialog';
import { OverlapPanel } from './OverlapPanel';
import type { ReadyMadeAudience } from '../../domain/audiences/readyMade';
import { useAudienceDataRequest, useSavedAudiences } from './useAudiences';

export function AudiencesScreen() {
  const workspace = useActiveWorkspace();
  if (!workspace) return null;
  return <AudiencesView key={workspace.id} workspace={workspace} />;
}

function draftOf(audience: SavedAudience): AudienceDraft {
  return { id: audience.id, name: audience.name, description: audience.description, condition: audience.condition, isNew: false };
}

/** The record to save: created now unless it already was, changed now. */
function recordOf(draft: AudienceDraft, workspaceId: string, createdAt: number | undefined): SavedAudience {
  const now = Date.now();
  return { version: AUDIENCE_VERSION, id: draft.id, workspaceId, name: draft.name.trim(), description: draft.description, condition: draft.condition, createdAt: createdAt ?? now, updatedAt: now };
}

function AudiencesView({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFormat();
  const notify = useAppStore((state) => state.notify);
  const saved = useSavedAudiences(workspace.id);
  const base = useAudienceDataRequest(workspace);
  const rawVocabulary = useWorkspaceVocabulary(workspace.id);
  const [draft, setDraft] = useState<AudienceDraft | null>(null);
  const [deleting, setDeleting] = useState<{ audience: SavedAudience; usedBy: string[] } | null>(null);
  const [isChoosingReadyMade, setChoosingReadyMade] = useState(false);
  const dataEnd = useEngineCall('audiences', 'count', isChoosingReadyMade && base ? { ...base, condition: emptyGroup(), asOf: null } : null);
  const audiences = useMemo(() => saved?.audiences ?? [], [saved]);
  const sizes = useEngineCall('audiences', 'sizes', base ? { ...base, asOf: null } : null);
  const vocabulary = useMemo(() => (rawVocabulary ? { ...rawVocabulary, audiences: audiences.filter((audience) => audience.id !== draft?.id).map(({ id, name }) => ({ id, name })) } : null), [rawVocabulary, audiences, draft?.id]);
  const current = draft && !draft.isNew ? audiences.find((audience) => audience.id === draft.id) : undefined;
  const isDirty = Boolean(draft && (draft.isNew || !current || current.name !== draft.name || current.description !== draft.description || JSON.stringify(current.condition) !== JSON.stringify(draft.condition)));

  const chainsUsing = useLiveQuery(() => (draft && !draft.isNew ? chainsNamingAudience(getDatabase(), workspace.id, draft.id) : []), [workspace.id, draft?.id, draft?.isNew]) ?? [];

  function startNew() {
    setDraft({ id: newAudienceId(), name: t('audiences.newName'), description: '', condition: emptyGroup(), isNew: true });
  }

  async function save(next: AudienceDraft, successKey = 'audiences.saved') {
    const record = recordOf(next, workspace.id, audiences.find((item) => item.id === next.id)?.createdAt);
    try {
      const stored = await saveAudience(getDatabase(), record);
      setDraft(draftOf(stored));
      notify('success', t(successKey, { name: stored.name }));
    } catch (error) {
      notify('error', errorMessage(error, t));
    }
  }

  /** A ready-made audience saved as an ordinary one, under a name not yet taken ("… 2" when it is). */
  function createReadyMade(template: ReadyMadeAudience) {
    const taken = new Set(audiences.map((audience) => audience.name.trim().toLowerCase()));
    const wanted = template.name[language];
    let name = wanted;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted} ${n}`;
    setChoosingReadyMade(false);
    void save({ id: newAudienceId(), name, description: template.description[language], condition: template.condition, isNew: true }, 'audiences.readyMade.created');
  }

  async function askDelete(audience: SavedAudience) {
    const chains = await chainsNamingAudience(getDatabase(), workspace.id, audience.id);
    setDeleting({ audience, usedBy: [...chains, ...audiencesNaming(audience.id, audiences).map((item) => item.name)] });
  }

  async function confirmDelete() {
    if (!deleting) return;
    await deleteAudience(getDatabase(), workspace.id, deleting.audience.id);
    if (draft?.id === deleting.audience.id) setDraft(null);
    setDeleting(null);
    notify('success', t('audiences.deleted'));
  }

  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="h4" component="h1">{t('audiences.title')}</Typography>
        <Typography color="text.secondary" sx={{ maxWidth: 900 }}>{t('audiences.help')}</Typography>
      </Box>
      <Stack direction={{ xs: 'column', lg: 'row' }} sx={{ gap: 2, alignItems: 'flex-start' }}>
        <Stack spacing={2} sx={{ width: { xs: '100%', lg: 340 }, flexShrink: 0 }}>
          <Paper variant="outlined" sx={{ p: 1.5 }}>
            <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1, flexWrap: 'wrap' }}>
              <Typography variant="h6" component="h2">{t('audiences.list.title')}</Typography>
              <Stack direction="row" sx={{ gap: 1 }}>
                <Button size="small" variant="outlined" startIcon={<AutoStoriesIcon />} onClick={() => setChoosingReadyMade(true)} data-testid="audience-ready-made">{t('audiences.readyMade.open')}</Button>
                <Button size="small" variant="contained" startIcon={<AddIcon />} onClick={startNew} data-testid="audience-new">{t('audiences.create')}</Button>
              </Stack>
            </Stack>
            {saved && audiences.length === 0 && <Typography variant="body2" color="text.secondary">{t('audiences.list.empty')}</Typography>}
            <List dense aria-label={t('audiences.list.title')} data-testid="audience-list">
              {audiences.map((audience) => {
                const size = sizes.value?.[audience.id];
                const secondary = [size ? t('audiences.list.size', { size: format.count(size.size), share: format.percent(size.customerCount ? size.size / size.customerCount : 0) }) : null, t('audiences.list.changed', { when: format.dateTime(audience.updatedAt) })].filter(Boolean).join(' · ');
                return (
                  <Stack key={audience.id} component="li" direction="row" sx={{ alignItems: 'center' }}>
                    <ListItemButton selected={draft?.id === audience.id} onClick={() => setDraft(draftOf(audience))} data-testid={`audience-item-${audience.id}`} sx={{ borderRadius: 1 }}>
                      <ListItemText primary={audience.name} secondary={secondary} slotProps={{ secondary: { 'data-testid': 'audience-item-size' } as object }} />
                    </ListItemButton>
                    <Tooltip title={t('audiences.duplicate')}>
                      <IconButton size="small" aria-label={`${t('audiences.duplicate')}: ${audience.name}`} onClick={() => void save({ ...draftOf(audience), id: newAudienceId(), name: t('audiences.copyName', { name: audience.name }), isNew: true })}>
                        <ContentCopyIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title={t('audiences.delete')}>
                      <IconButton size="small" aria-label={`${t('audiences.delete')}: ${audience.name}`} onClick={() => void askDelete(audience)} data-testid={`audience-delete-${audience.id}`}>
                        <DeleteOutlineIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </Stack>
                );
              })}
            </List>
            {saved?.unreadable.map((item) => (
              <Alert key={item.id} severity="warning" sx={{ mt: 1 }}>{`${item.name || item.id}: ${t('audiences.list.unreadable', { reason: item.message[language] })}`}</Alert>
            ))}
          </Paper>
          <OverlapPanel audiences={audiences} base={base} onOpen={(condition, name) => setDraft({ id: newAudienceId(), name, description: '', condition, isNew: true })} />
        </Stack>
        <Box sx={{ flex: 1, minWidth: 0, width: '100%' }}>
          {draft ? (
            <AudienceEditor workspace={workspace} draft={draft} onChange={setDraft} onSave={() => void save(draft)} isDirty={isDirty} base={base} vocabulary={vocabulary} usedBy={chainsUsing} />
          ) : (
            <Alert severity="info">{t('audiences.select')}</Alert>
          )}
        </Box>
      </Stack>
      {isChoosingReadyMade && <ReadyMadeDialog vocabulary={rawVocabulary} asOf={dataEnd.value ? dataEnd.value.defaultAsOf : undefined} onChoose={createReadyMade} onClose={() => setChoosingReadyMade(false)} />}
      {deleting && (
        <Dialog open onClose={() => setDeleting(null)} aria-labelledby="audience-delete-title">
          <DialogTitle id="audience-delete-title">{t('audiences.deleteTitle', { name: deleting.audience.name })}</DialogTitle>
          <DialogContent>
            <DialogContentText>{t('audiences.deleteBody')}</DialogContentText>
            {deleting.usedBy.length > 0 && <Alert severity="warning" sx={{ mt: 1 }}>{t('audiences.deleteUsed', { names: deleting.usedBy.join(', ') })}</Alert>}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setDeleting(null)}>{t('audiences.cancel')}</Button>
            <Button color="error" variant="contained" onClick={() => void confirmDelete()} data-testid="audience-confirm-delete">{t('audiences.confirmDelete')}</Button>
          </DialogActions>
        </Dialog>
      )}
    </Stack>
  );
}
