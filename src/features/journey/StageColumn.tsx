import { Box, IconButton, ListItemIcon, Menu, MenuItem, Paper, Stack, Typography } from '@mui/material';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import EditIcon from '@mui/icons-material/Edit';
import MoreHorizIcon from '@mui/icons-material/MoreHoriz';
import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isDefaultStageId, type StageDefinition } from '../../domain/journey';
import { stageColor } from './labels';
import { draggedItem, isItemDrag } from './MappingItem';

/** A drop target for mapping items (only our own drag payload is accepted). */
export function DropZone({ onDropItem, children, testId, sx }: { onDropItem(item: string): void; children: ReactNode; testId: string; sx?: object }) {
  const [isOver, setOver] = useState(false);
  function over(event: DragEvent): void {
    if (!isItemDrag(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setOver(true);
  }
  return (
    <Box
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const item = draggedItem(event);
        if (item) onDropItem(item);
      }}
      data-testid={testId}
      data-drop-over={isOver ? 'true' : 'false'}
      sx={{ borderRadius: 2, border: '2px dashed', borderColor: isOver ? 'primary.main' : 'transparent', bgcolor: isOver ? 'action.hover' : undefined, transition: 'background-color 0.15s', ...sx }}
    >
      {children}
    </Box>
  );
}

export function StageMenu({ name, isFirst, isLast, isOnly, onMove, onRename, onRemove }: {
  name: string;
  isFirst: boolean;
  isLast: boolean;
  isOnly: boolean;
  onMove(delta: -1 | 1): void;
  onRename(): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const run = (action: () => void) => () => {
    setAnchor(null);
    action();
  };
  return (
    <>
      <IconButton size="small" sx={{ p: 0.25 }} aria-label={`${t('journey.mapping.stageActions')}: ${name}`} onClick={(event) => setAnchor(event.currentTarget)}>
        <MoreHorizIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={run(onRename)}><ListItemIcon><EditIcon fontSize="small" /></ListItemIcon>{t('journey.mapping.rename')}</MenuItem>
        <MenuItem disabled={isFirst} onClick={run(() => onMove(-1))}><ListItemIcon><ChevronLeftIcon fontSize="small" /></ListItemIcon>{t('journey.mapping.moveLeft')}</MenuItem>
        <MenuItem disabled={isLast} onClick={run(() => onMove(1))}><ListItemIcon><ChevronRightIcon fontSize="small" /></ListItemIcon>{t('journey.mapping.moveRight')}</MenuItem>
        <MenuItem disabled={isOnly} onClick={run(onRemove)}><ListItemIcon><DeleteOutlineIcon fontSize="small" /></ListItemIcon>{t('journey.mapping.remove')}</MenuItem>
      </Menu>
    </>
  );
}

/** One stage of the mapping editor: its name, its actions menu and the items assigned to it. */
export function StageColumn({ stage, position, name, stageCount, children, onDropItem, onMove, onRename, onRemove }: {
  stage: StageDefinition;
  position: number;
  name: string;
  stageCount: number;
  children: ReactNode;
  onDropItem(item: string): void;
  onMove(delta: -1 | 1): void;
  onRename(): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  return (
    <DropZone testId={`mapping-stage-${stage.id}`} onDropItem={onDropItem} sx={{ minHeight: 200 }}>
      <Paper variant="outlined" sx={{ p: 1, height: '100%', borderTop: `4px solid ${stageColor(position)}` }}>
        <Stack direction="row" sx={{ alignItems: 'flex-start', mb: 1 }}>
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            <Typography variant="subtitle2" sx={{ lineHeight: 1.3, overflowWrap: 'anywhere' }} data-testid={`mapping-stage-name-${stage.id}`}>{position + 1}. {name}</Typography>
            {isDefaultStageId(stage.id) && !stage.name && <Typography variant="caption" color="text.secondary">{t(`journey.stageHints.${stage.id}`)}</Typography>}
          </Box>
          <StageMenu name={name} isFirst={position === 0} isLast={position === stageCount - 1} isOnly={stageCount === 1} onMove={onMove} onRename={onRename} onRemove={onRemove} />
        </Stack>
        <Stack spacing={0.75}>{children}</Stack>
      </Paper>
    </DropZone>
  );
}
