import { createTheme, type Theme } from '@mui/material/styles';
import { enUS as coreEn, ruRU as coreRu } from '@mui/material/locale';
import type { Language } from '../i18n/i18n';

/** The app theme with MUI's own texts in the chosen language (the data grid's: ui/DataTable). */
export function createAppTheme(language: Language): Theme {
  return createTheme(
    {
      palette: {
        // Every main colour carries white text and reads as text on white at WCAG AA (≥ 4.5:1).
        primary: { main: '#3949ab' },
        secondary: { main: '#00796b' },
        warning: { main: '#b45309' },
        info: { main: '#0277bd' },
        background: { default: '#f5f6fa' },
      },
      shape: { borderRadius: 10 },
      typography: {
        fontFamily: 'Roboto, "Helvetica Neue", Arial, sans-serif',
        h5: { fontWeight: 600 },
        h6: { fontWeight: 600 },
      },
      components: {
        // A visible focus on everything the keyboard reaches (MUI's own focus ripple is faint).
        MuiCssBaseline: {
          styleOverrides: {
            '.MuiButtonBase-root:focus-visible, a:focus-visible, [tabindex]:focus-visible': { outline: '2px solid #3949ab', outlineOffset: 2 },
          },
        },
        MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { root: { border: '1px solid #e3e5ee' } } },
        MuiAppBar: { styleOverrides: { root: { border: 'none' } } },
        MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { textTransform: 'none' } } },
      },
    },
    language === 'ru' ? coreRu : coreEn,
  );
}
