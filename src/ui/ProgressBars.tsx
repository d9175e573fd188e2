import { LinearProgress, type LinearProgressProps, type SxProps, type Theme } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useFormat } from './format';

/**
 * The progress bars of the app, each with an accessible name (a bar without one fails WCAG's
 * "progressbar has a name" and says nothing to a screen reader). Use these, not LinearProgress.
 */

/**
 * A small bar showing a share 0…1 beside a figure (fill rate, share of events, customers per
 * score). `label` says what is measured ("E-mail", "Order"); the share is read as its value.
 */
export function ShareBar({ share, label, isLabelData = false, color, sx }: { share: number; label: string; /** the label is a name from the user's data */ isLabelData?: boolean; color?: LinearProgressProps['color']; sx?: SxProps<Theme> }) {
  const format = useFormat();
  const value = Math.max(0, Math.min(1, Number.isFinite(share) ? share : 0));
  return (
    <LinearProgress
      variant="determinate"
      value={value * 100}
      color={color}
      aria-label={label}
      aria-valuetext={format.percent(value)}
      data-value={isLabelData || undefined}
      sx={{ height: 6, borderRadius: 3, ...sx }}
    />
  );
}

/**
 * A bar for work in progress: indeterminate, or determinate when `done` of `total` is known.
 * `label` says what is going on ("Computing the segments…"); without one it says "Loading…".
 */
export function BusyBar({ label, done, total, sx }: { label?: string; done?: number; total?: number; sx?: SxProps<Theme> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isDeterminate = done !== undefined && total !== undefined && total > 0;
  const share = isDeterminate ? Math.min(1, done / total) : 0;
  return (
    <LinearProgress
      variant={isDeterminate ? 'determinate' : 'indeterminate'}
      value={isDeterminate ? share * 100 : undefined}
      aria-label={label ?? t('app.busy')}
      aria-valuetext={isDeterminate ? format.percent(share, 0) : undefined}
      sx={sx}
    />
  );
}
