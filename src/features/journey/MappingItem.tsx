import { Box, Divider, IconButton, ListItemText, Menu, MenuItem, Tooltip, Typography } from '@mui/material';
import AutoAwesomeIcon from '@mui/icons-material/AutoAwesome';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isStageRule } from '../../domain/journey';
import { useFormat } from '../../ui/format';
import { itemLabel } from './labels';

/** The drag payload type: only our own items are accepted by the drop targets. */
export const ITEM_MIME = 'application/x-chainlab-stage-item';

export function draggedItem(event: DragEvent): string | null {
  const item = event.dataTransfer.getData(ITEM_MIME) || event.dataTransfer.getData('text/plain');
  return item || null;
}

export function isItemDrag(event: DragEvent): boolean {
  return event.dataTransfer.types.includes(ITEM_MIME);
}

/**
 * One event type or rule: draggable onto a stage, and with a ⋮ menu that does the same from the
 * keyboard ("Move to…" → a stage or "Not assigned").
 */
export function MappingItem({ item, count, stages, currentStage, isInline = false, onMove }: {
  item: string;
  /** in the wrapping "not assigned" row rather than a stage column */
  isInline?: boolean;
  /** events of this type in the workspace; undefined for rules */
  count: number | undefined;
  stages: { id: string; name: string }[];
  currentStage: string | null;
  onMove(stageId: string | null): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const label = itemLabel(item, t);
  const isRule = isStageRule(item);
  const isAbsent = !isRule && !count;
  // The raw event type is data (as named in the file); the rest of the hint is ours.
  const hint = isRule ? t(`journey.mapping.ruleHints.${item}`) : <><span data-value>{item}</span> · {count === undefined || count === 0 ? t('journey.mapping.notInData') : t('journey.mapping.eventsCount', { count })}</>;
  return (
    <Box
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(ITEM_MIME, item);
        event.dataTransfer.setData('text/plain', item);
        event.dataTransfer.effectAllowed = 'move';
      }}
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 0.5,
        width: isInline ? 'auto' : '100%',
        maxWidth: isInline ? 280 : '100%',
        pl: 0.75,
        border: '1px solid',
        borderColor: isRule ? 'secondary.light' : 'divider',
        // an event type not in the data is told by a dashed border and grey text; an opacity
        // took its count below the 4.5:1 contrast WCAG asks for
        borderStyle: isAbsent ? 'dashed' : 'solid',
        bgcolor: isRule ? 'rgba(0, 137, 123, 0.08)' : 'background.paper',
        borderRadius: 1.5,
        cursor: 'grab',
        '&:hover': { borderColor: 'primary.main' },
      }}
      data-testid={`mapping-item-${item}`}
      data-item={item}
    >
      {isRule ? <AutoAwesomeIcon sx={{ fontSize: 16 }} color="secondary" /> : <DragIndicatorIcon sx={{ fontSize: 16 }} color="action" />}
      <Tooltip title={hint} placement="top">
        <Box sx={{ flexGrow: 1, minWidth: 0, py: 0.4 }}>
          <Typography variant="body2" color={isAbsent ? 'text.secondary' : undefined} sx={{ lineHeight: 1.25, overflowWrap: 'anywhere' }}>{label}</Typography>
          {!isRule && count !== undefined && (
            <Typography variant="caption" color="text.secondary" component="div" sx={{ lineHeight: 1.2 }}>{format.compact(count)}</Typography>
          )}
        </Box>
      </Tooltip>
      <IconButton size="small" aria-label={t('journey.mapping.moveItem', { item: label })} onClick={(event) => setAnchor(event.currentTarget)} sx={{ p: 0.25 }}>
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem disabled><ListItemText primary={t('journey.mapping.moveTo')} /></MenuItem>
        {stages.map((stage) => (
          <MenuItem key={stage.id} selected={stage.id === currentStage} onClick={() => { setAnchor(null); onMove(stage.id); }}>
            {stage.name}
          </MenuItem>
        ))}
        <Divider />
        <MenuItem selected={currentStage === null} onClick={() => { setAnchor(null); onMove(null); }}>{t('journey.mapping.unassigned')}</MenuItem>
      </Menu>
    </Box>
  );
}
