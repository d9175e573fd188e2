import { createTheme, type Theme } from '@mui/material/styles';
import { enUS as coreEn, ruRU as coreRu } from '@mui/material/locale';
import type { Language } from '../i18n/i18n';

/** The app theme with MUI's own texts in the chosen language (the data grid's: ui/DataTable). */
export function createAppTheme(language: Language): Theme {
  return createTheme(
    {
      palette: {
        primary: { main: '#3949ab' },
        secondary: { main: '#00897b' },
        background: { default: '#f5f6fa' },
      },
      shape: { borderRadius: 10 },
      typography: {
        fontFamily: 'Roboto, "Helvetica Neue", Arial, sans-serif',
        h5: { fontWeight: 600 },
        h6: { fontWeight: 600 },
      },
      components: {
        MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { root: { border: '1px solid #e3e5ee' } } },
        MuiAppBar: { styleOverrides: { root: { border: 'none' } } },
        MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { textTransform: 'none' } } },
      },
    },
    language === 'ru' ? coreRu : coreEn,
  );
}
