import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** A drop zone with a file chooser: the file input is labelled for screen readers and tests. */
export function FileDropZone({ onFile, isBusy, title }: { onFile: (file: File) => void; isBusy?: boolean; title?: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [isOver, setOver] = useState(false);

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  }

  return (
    <Paper
      variant="outlined"
      data-testid="import-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      sx={{ p: 4, borderStyle: 'dashed', borderWidth: 2, borderColor: isOver ? 'primary.main' : 'divider', bgcolor: isOver ? 'action.hover' : 'background.paper', textAlign: 'center' }}
    >
      <Stack spacing={1.5} sx={{ alignItems: 'center' }}>
        <UploadFileIcon color="primary" sx={{ fontSize: 48 }} />
        <Typography variant="h6">{title ?? t('import.drop.title')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 560 }}>
          {t('import.drop.hint')}
        </Typography>
        <Box>
          <Button variant="contained" onClick={() => input.current?.click()} disabled={isBusy}>
            {t('import.drop.choose')}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".csv,.txt,.tsv,text/csv,text/plain"
            aria-label={t('import.drop.choose')}
            data-testid="import-file-input"
            hidden
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) onFile(file);
            }}
          />
        </Box>
      </Stack>
    </Paper>
  );
}
