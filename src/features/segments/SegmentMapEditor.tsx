import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, IconButton, InputLabel, MenuItem, Paper, Select, Stack, TextField, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { presetSegmentMap, segmentMapProblems, SEGMENT_MAP_PRESETS, type ScoreDirection, type SegmentDefinition, type SegmentMap, type SegmentMapPreset, type SegmentMapProblem } from '../../domain/rfm';
import { useLanguage } from '../../ui/useLanguage';
import { LimitedTextField } from '../../ui/LimitedTextField';

/** A segment name fits a table column and a chart label. */
const MAX_SEGMENT_NAME_LENGTH = 60;
import { SegmentRuleEditor } from './SegmentRuleEditor';

interface Props {
  map: SegmentMap;
  direction: ScoreDirection;
  onSave(map: SegmentMap): void;
  onClose(): void;
}

export const PRESET_LABELS: Record<SegmentMapPreset, string> = { grid: 'segments.map.presetGrid', 'rfm-package': 'segments.map.presetRfmPackage' };

function problemText(problem: SegmentMapProblem, map: SegmentMap, t: TFunction): string {
  const number = problem.segment + 1;
  const key = `segments.editor.problem${problem.code[0]!.toUpperCase()}${problem.code.slice(1)}`;
  return t(key, { number, name: map.segments[problem.segment]?.name ?? '', levels: map.levels });
}

function SegmentEditor({ segment, index, count, levels, direction, onChange, onMove, onRemove }: {
  segment: SegmentDefinition;
  index: number;
  count: number;
  levels: number;
  direction: ScoreDirection;
  onChange(segment: SegmentDefinition): void;
  onMove(offset: -1 | 1): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="rfm-editor-segment">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography sx={{ width: 24, color: 'text.secondary', fontWeight: 600 }}>{index + 1}</Typography>
        <Box component="input" type="color" value={segment.color} aria-label={t('segments.editor.color')} onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange({ ...segment, color: event.target.value })} sx={{ width: 40, height: 36, p: 0, border: 'none', bgcolor: 'transparent', cursor: 'pointer' }} />
        <LimitedTextField size="small" label={t('segments.editor.name')} value={segment.name} maxLength={MAX_SEGMENT_NAME_LENGTH} onChange={(event) => onChange({ ...segment, name: event.target.value })} sx={{ flex: 1 }} />
        <Tooltip title={t('segments.editor.moveUp')}><span><IconButton aria-label={t('segments.editor.moveUp')} disabled={index === 0} onClick={() => onMove(-1)}><ArrowUpwardIcon fontSize="small" /></IconButton></span></Tooltip>
        <Tooltip title={t('segments.editor.moveDown')}><span><IconButton aria-label={t('segments.editor.moveDown')} disabled={index === count - 1} onClick={() => onMove(1)}><ArrowDownwardIcon fontSize="small" /></IconButton></span></Tooltip>
        <Tooltip title={t('segments.editor.removeSegment')}><IconButton aria-label={t('segments.editor.removeSegment')} onClick={onRemove}><DeleteOutlineIcon fontSize="small" /></IconButton></Tooltip>
      </Stack>
      <TextField size="small" fullWidth multiline minRows={1} maxRows={4} label={t('segments.editor.strategy')} value={segment.strategy} onChange={(event) => onChange({ ...segment, strategy: event.target.value })} sx={{ mt: 1.5 }} />
      <Stack spacing={1} sx={{ mt: 1.5, pl: 4 }}>
        {segment.rules.length === 0 && <Typography variant="body2" color="warning.main">{t('segments.editor.noRules')}</Typography>}
        {segment.rules.map((rule, ruleIndex) => (
          <SegmentRuleEditor
            key={ruleIndex}
            rule={rule}
            number={ruleIndex + 1}
            levels={levels}
            direction={direction}
            onChange={(next) => onChange({ ...segment, rules: segment.rules.map((r, i) => (i === ruleIndex ? next : r)) })}
            onRemove={() => onChange({ ...segment, rules: segment.rules.filter((_, i) => i !== ruleIndex) })}
          />
        ))}
        <Box>
          <Button size="small" startIcon={<AddIcon />} onClick={() => onChange({ ...segment, rules: [...segment.rules, {}] })}>{t('segments.editor.addRule')}</Button>
        </Box>
      </Stack>
    </Paper>
  );
}

/** Names, colours, strategy notes and rules of the segment map, starting from a preset. */
export function SegmentMapEditor({ map, direction, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<SegmentMap>(map);
  const problems = segmentMapProblems(draft);
  const levels = draft.levels;

  function setSegments(segments: SegmentDefinition[]): void {
    setDraft({ ...draft, segments });
  }

  function move(index: number, offset: -1 | 1): void {
    const segments = [...draft.segments];
    const [segment] = segments.splice(index, 1);
    segments.splice(index + offset, 0, segment!);
    setSegments(segments);
  }

  function addSegment(): void {
    const id = `custom-${Date.now().toString(36)}`;
    setSegments([...draft.segments, { id, name: t('segments.editor.newSegment'), color: '#3f51b5', strategy: '', rules: [{}] }]);
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="rfm-editor-title">
      <DialogTitle id="rfm-editor-title">{t('segments.editor.title')}</DialogTitle>
      <DialogContent dividers data-testid="rfm-map-editor">
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5 }}>
          <FormControl size="small" sx={{ minWidth: 220 }}>
            <InputLabel id="rfm-editor-preset">{t('segments.editor.preset')}</InputLabel>
            <Select labelId="rfm-editor-preset" label={t('segments.editor.preset')} value={draft.preset} onChange={(event) => setDraft(presetSegmentMap(event.target.value as SegmentMapPreset, levels, language))}>
              {SEGMENT_MAP_PRESETS.map((preset) => <MenuItem key={preset} value={preset}>{t(PRESET_LABELS[preset])}</MenuItem>)}
            </Select>
          </FormControl>
          <Button onClick={() => setDraft(presetSegmentMap(draft.preset, levels, language))}>{t('segments.editor.reset')}</Button>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{t('segments.editor.help', { best: direction === 'highIsBest' ? levels : 1 })} {t('segments.map.othersNote')}</Typography>
        <Stack spacing={1.5}>
          {draft.segments.map((segment, index) => (
            <SegmentEditor
              key={segment.id}
              segment={segment}
              index={index}
              count={draft.segments.length}
              levels={levels}
              direction={direction}
              onChange={(next) => setSegments(draft.segments.map((s, i) => (i === index ? next : s)))}
              onMove={(offset) => move(index, offset)}
              onRemove={() => setSegments(draft.segments.filter((_, i) => i !== index))}
            />
          ))}
        </Stack>
        <Button startIcon={<AddIcon />} sx={{ mt: 1.5 }} onClick={addSegment}>{t('segments.editor.addSegment')}</Button>
      </DialogContent>
      {problems.length > 0 && <Alert severity="warning" sx={{ borderRadius: 0 }} data-testid="rfm-editor-problems">{problems.map((problem) => problemText(problem, draft, t)).join(' ')}</Alert>}
      <DialogActions>
        <Button onClick={onClose}>{t('segments.editor.cancel')}</Button>
        <Button variant="contained" disabled={problems.length > 0} onClick={() => onSave(draft)}>{t('segments.editor.save')}</Button>
      </DialogActions>
    </Dialog>
  );
}
