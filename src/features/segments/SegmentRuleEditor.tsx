import { FormControl, IconButton, InputLabel, MenuItem, Select, Stack, Tooltip, Typography } from '@mui/material';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { useTranslation } from 'react-i18next';
import { RULE_FIELDS, type RuleField, type ScoreDirection, type ScoreRange, type SegmentRule } from '../../domain/rfm';

interface Props {
  rule: SegmentRule;
  number: number;
  levels: number;
  direction: ScoreDirection;
  onChange(rule: SegmentRule): void;
  onRemove(): void;
}

const FIELD_LABELS: Record<RuleField, string> = { r: 'R', f: 'F', m: 'M', fm: 'FM' };

/** Every range a score can take, as "from-to" keys of internal scores. */
function rangeOptions(levels: number): ScoreRange[] {
  const ranges: ScoreRange[] = [];
  for (let from = 1; from <= levels; from++) for (let to = from; to <= levels; to++) ranges.push({ from, to });
  return ranges;
}

function rangeLabel(range: ScoreRange, levels: number, direction: ScoreDirection): string {
  const [a, b] = direction === 'highIsBest' ? [range.from, range.to] : [levels + 1 - range.to, levels + 1 - range.from];
  return a === b ? String(a) : `${a}–${b}`;
}

/** One rule: a range (or "any") for R, F, M and FM. */
export function SegmentRuleEditor({ rule, number, levels, direction, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const options = rangeOptions(levels);
  return (
    <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }} data-testid="rfm-rule">
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 72 }}>{t('segments.editor.rule', { number })}</Typography>
      {RULE_FIELDS.map((field) => {
        const range = rule[field];
        const value = range ? `${range.from}-${range.to}` : 'any';
        return (
          <FormControl key={field} size="small" sx={{ minWidth: 92 }}>
            <InputLabel id={`rule-${number}-${field}`}>{FIELD_LABELS[field]}</InputLabel>
            <Select
              labelId={`rule-${number}-${field}`}
              label={FIELD_LABELS[field]}
              value={value}
              onChange={(event) => {
                const next = { ...rule };
                if (event.target.value === 'any') delete next[field];
                else {
                  const [from, to] = event.target.value.split('-').map(Number);
                  next[field] = { from: from!, to: to! };
                }
                onChange(next);
              }}
            >
              <MenuItem value="any">{t('segments.editor.any')}</MenuItem>
              {options.map((option) => (
                <MenuItem key={`${option.from}-${option.to}`} value={`${option.from}-${option.to}`}>{rangeLabel(option, levels, direction)}</MenuItem>
              ))}
              {range && !options.some((option) => option.from === range.from && option.to === range.to) && <MenuItem value={value}>{`${range.from}–${range.to}`}</MenuItem>}
            </Select>
          </FormControl>
        );
      })}
      <Tooltip title={t('segments.editor.removeRule')}>
        <IconButton size="small" aria-label={t('segments.editor.removeRule')} onClick={onRemove}><DeleteOutlineIcon fontSize="small" /></IconButton>
      </Tooltip>
    </Stack>
  );
}
