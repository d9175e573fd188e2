import { Box, Button, Stack } from '@mui/material';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';

/** The Data screen's header actions: the data-quality view and importing a CSV file. */
export function DataHeaderActions() {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexGrow: 1 }}>
      <Box sx={{ flexGrow: 1 }} />
      <Button variant="outlined" startIcon={<FactCheckIcon />} component={RouterLink} to="/data/quality" data-testid="open-data-quality">
        {t('dataQuality.open')}
      </Button>
      <Button variant="contained" startIcon={<UploadFileIcon />} component={RouterLink} to="/data/import" data-testid="open-import">
        {t('import.openImport')}
      </Button>
    </Stack>
  );
}
