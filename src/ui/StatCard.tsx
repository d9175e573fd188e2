import { Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** One big number with its label, as on a dashboard. */
export function StatCard({ label, value, detail, icon, testId }: { label: string; value: ReactNode; detail?: ReactNode; icon?: ReactNode; testId?: string }) {
  return (
    <Paper sx={{ p: 2, height: '100%' }} data-testid={testId}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: 'text.secondary', mb: 0.5 }}>
        {icon}
        <Typography variant="body2">{label}</Typography>
      </Stack>
      <Typography variant="h5" component="div" data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </Typography>
      {detail && (
        <Typography variant="caption" color="text.secondary">
          {detail}
        </Typography>
      )}
    </Paper>
  );
}
