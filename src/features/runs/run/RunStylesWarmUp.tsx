import { Alert, Box, Button, LinearProgress, MenuItem, TextField } from '@mui/material';
import { memo } from 'react';

/**
 * MUI's components inject their style rules when first drawn, and every new rule makes the
 * browser recompute the style of the whole page — canvas included — in the middle of a run (the
 * click on Run, the first progress, the end: issue 14's longest main-thread tasks). These are
 * the components a run brings on screen (the progress bar with Cancel, the done / cancelled /
 * failed notice with "Open results", the canvas bar's run picker and its "Open results"),
 * drawn with the same props while the Run dialog's form is open, hidden and empty, so their
 * rules are in place before the run starts and nothing new arrives while it goes.
 */
export const RunStylesWarmUp = memo(function RunStylesWarmUp() {
  return (
    <Box hidden aria-hidden data-testid="run-styles-warm-up" sx={{ display: 'none' }}>
      <LinearProgress variant="indeterminate" />
      <LinearProgress variant="determinate" value={0} />
      <Button size="small" color="error" variant="outlined" tabIndex={-1} />
      <Button size="small" color="error" variant="outlined" disabled tabIndex={-1} />
      <Button size="small" tabIndex={-1} />
      <Alert severity="success" action={<Button color="inherit" size="small" tabIndex={-1} />} />
      <Alert severity="info" />
      <Alert severity="error" />
      <TextField select size="small" value="" sx={{ minWidth: 260, maxWidth: 480 }} slotProps={{ htmlInput: { tabIndex: -1 } }}>
        <MenuItem value="" />
      </TextField>
    </Box>
  );
});
