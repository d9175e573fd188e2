import { Alert, Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { clearCurrencySetting, getDatabase, saveCurrencySetting } from '../../db';
import { COMMON_CURRENCIES, DISPLAY_LOCALES, isCurrencyCode, type Workspace } from '../../domain';
import { useAppStore } from '../../store/appStore';
import { errorMessage } from '../../ui/errorMessage';
import { useLanguage } from '../../ui/useLanguage';
import { useFormat } from '../../ui/format';
import { useWorkspaceCurrency } from './useWorkspaceDisplay';

/** Every ISO 4217 code the browser knows, the common ones first. */
function currencyCodes(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  return [...new Set<string>([...COMMON_CURRENCIES, ...all])].filter(isCurrencyCode);
}

function useCurrencyLabel(): (code: string) => string {
  const language = useLanguage();
  return useMemo(() => {
    const names = new Intl.DisplayNames(DISPLAY_LOCALES[language], { type: 'currency' });
    return (code: string) => {
      const symbol = new Intl.NumberFormat(DISPLAY_LOCALES[language], { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' }).formatToParts(0).find((part) => part.type === 'currency')?.value;
      const name = names.of(code) ?? code;
      return symbol && symbol !== code ? `${code} · ${symbol} · ${name}` : `${code} · ${name}`;
    };
  }, [language]);
}

/** The workspace's own settings: its currency (stored, else guessed) and its time zone. */
export function WorkspaceSettingsDialog({ workspace, onClose }: { workspace: Workspace; onClose(): void }) {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  const answer = useWorkspaceCurrency(workspace);
  const label = useCurrencyLabel();
  const format = useFormat();
  const codes = useMemo(currencyCodes, []);

  async function choose(code: string | null): Promise<void> {
    try {
      if (code === null) await clearCurrencySetting(getDatabase(), workspace.id);
      else await saveCurrencySetting(getDatabase(), workspace.id, code);
      if (code) notify('success', ({ t }) => t('workspace.currencySaved', { name: workspace.name, currency: code }));
    } catch (error) {
      notify('error', ({ t }) => errorMessage(error, t));
    }
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="workspace-settings-title">
      <DialogTitle id="workspace-settings-title">{t('workspace.settingsTitle', { name: workspace.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }} data-testid="workspace-settings">
          {answer?.stored?.problem && <Alert severity="warning">{t('workspace.currencyProblem', { error: answer.stored.problem })}</Alert>}
          {answer && (
            <Autocomplete<string, false, true>
              options={codes}
              value={answer.currency.code}
              getOptionLabel={label}
              disableClearable
              onChange={(_, code) => void choose(code)}
              renderInput={(params) => <TextField {...params} label={t('workspace.currency')} helperText={t('workspace.currencyHelp')} />}
            />
          )}
          {answer && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="body2" color="text.secondary" data-testid="workspace-currency-source">{t(`workspace.currencySource.${answer.currency.source}`)}</Typography>
              {answer.currency.source === 'setting' && <Button size="small" onClick={() => void choose(null)}>{t('workspace.currencyUseGuess')}</Button>}
            </Stack>
          )}
          <TextField label={t('workspace.timeZone')} value={workspace.timeZone} helperText={t('workspace.timeZoneHelp', { zone: format.timeZoneName(workspace.timeZone) })} slotProps={{ input: { readOnly: true } }} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('workspace.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
