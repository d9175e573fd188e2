import { Button, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Link as RouterLink } from 'react-router-dom';

/** The head of a page under another one (Data → Import, Data → Data quality): a way back, the title and what the page is for. */
export function SubPageHeader({ backTo, backLabel, title, subtitle }: { backTo: string; backLabel: string; title: string; subtitle: string }) {
  return (
    <>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button component={RouterLink} to={backTo} startIcon={<ArrowBackIcon />} color="inherit">
          {backLabel}
        </Button>
        <Typography variant="h5" component="h1">
          {title}
        </Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {subtitle}
      </Typography>
    </>
  );
}
