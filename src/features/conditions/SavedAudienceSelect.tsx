import { MenuItem, TextField, type SxProps, type Theme } from '@mui/material';

/** A saved audience as a picker offers it (the workspace vocabulary's list). */
export interface SavedAudienceChoice {
  id: string;
  name: string;
}

/**
 * The one picker of a saved audience — a chain's audience trigger and the `audience` condition
 * both name one: the workspace's saved audiences, and the one already named kept on show (not
 * choosable) when it was deleted, so a chain that uses it says so instead of silently changing.
 */
export function SavedAudienceSelect({ label, audiences, audienceId, goneText, emptyText, problem, onChoose, testId, sx }: {
  label: string;
  audiences: readonly SavedAudienceChoice[];
  /** the audience named now ('' = none yet) */
  audienceId: string;
  /** how the named audience reads once it is gone */
  goneText: string;
  /** the hint when the workspace has no saved audiences */
  emptyText: string;
  /** the validation problem of the field, shown instead of the hint */
  problem: string | null;
  onChoose(chosen: SavedAudienceChoice): void;
  testId: string;
  sx?: SxProps<Theme>;
}) {
  const isKnown = audiences.some((item) => item.id === audienceId);
  return (
    <TextField
      select
      size="small"
      label={label}
      value={audienceId}
      onChange={(event) => {
        const chosen = audiences.find((item) => item.id === event.target.value);
        if (chosen) onChoose(chosen);
      }}
      error={Boolean(problem)}
      helperText={problem ?? (audiences.length ? undefined : emptyText)}
      {...(sx ? { sx } : {})}
      slotProps={{ htmlInput: { 'data-testid': testId } }}
    >
      {audiences.map((item) => (
        <MenuItem key={item.id} value={item.id}>{item.name}</MenuItem>
      ))}
      {audienceId && !isKnown && <MenuItem value={audienceId} disabled>{goneText}</MenuItem>}
    </TextField>
  );
}
