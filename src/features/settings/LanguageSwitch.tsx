import { MenuItem, TextField } from '@mui/material';
import TranslateIcon from '@mui/icons-material/Translate';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../../i18n/i18n';
import { useLanguage } from '../../ui/useLanguage';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <TextField
      select
      size="small"
      value={language}
      onChange={(event) => void changeLanguage(event.target.value as Language)}
      slotProps={{
        htmlInput: { 'aria-label': t('language.label') },
        input: { startAdornment: <TranslateIcon fontSize="small" sx={{ mr: 1, color: 'text.secondary' }} /> },
      }}
      sx={{ minWidth: 140 }}
    >
      {LANGUAGES.map((code) => (
        <MenuItem key={code} value={code} lang={code}>
          {t(`language.${code}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
