import { Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { readyMadeAudiences, readyMadeContext, type ReadyMadeAudience } from '../../domain/audiences/readyMade';
import { summarizeCondition } from '../../domain/conditions/summary';
import type { WorkspaceVocabulary } from '../../domain/conditions/vocabulary';
import { useLanguage } from '../../ui/useLanguage';
import { useConditionNames } from '../conditions/useConditionNames';

/** "Start from a ready-made audience": the textbook's audiences, each with its sentence and its condition in words; choosing one creates an ordinary audience. */
export function ReadyMadeDialog({ vocabulary, asOf, onChoose, onClose }: {
  vocabulary: WorkspaceVocabulary | null;
  /** the as-of day ('YYYY-MM-DD', the end of the data) whose month "birthday this month" takes; undefined while it is read */
  asOf: string | null | undefined;
  onChoose(audience: ReadyMadeAudience): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const names = useConditionNames(vocabulary);
  const list = useMemo(() => (vocabulary && asOf !== undefined ? readyMadeAudiences(readyMadeContext(vocabulary, asOf)) : []), [vocabulary, asOf]);
  return (
    <Dialog open onClose={onClose} aria-labelledby="ready-made-title" maxWidth="md" fullWidth>
      <DialogTitle id="ready-made-title">{t('audiences.readyMade.title')}</DialogTitle>
      <DialogContent>
        <Typography color="text.secondary" sx={{ mb: 1 }}>{t('audiences.readyMade.help')}</Typography>
        {list.length === 0 && <Typography>{t('audiences.counting')}</Typography>}
        <List dense data-testid="ready-made-list">
          {list.map((audience) => (
            <ListItem
              key={audience.id}
              divider
              secondaryAction={
                <Button size="small" variant="outlined" onClick={() => onChoose(audience)} aria-label={`${t('audiences.readyMade.use')}: ${audience.name[language]}`} data-testid={`ready-made-${audience.id}`}>
                  {t('audiences.readyMade.use')}
                </Button>
              }
              sx={{ pr: 16 }}
            >
              <ListItemText
                primary={audience.name[language]}
                secondary={
                  <>
                    {audience.description[language]}
                    <Typography component="span" variant="caption" sx={{ display: 'block', fontStyle: 'italic' }}>{summarizeCondition(audience.condition, names)[language]}</Typography>
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('audiences.cancel')}</Button>
      </DialogActions>
    </Dialog>
  );
}
