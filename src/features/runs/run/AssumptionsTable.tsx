import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ResponseRates } from '../../../domain/chains';
import { useFormat } from '../../../ui/format';
import type { MessageAssumption } from './runForm';

export const RATE_NAMES = ['delivered', 'opened', 'clicked', 'converted', 'unsubscribed'] as const satisfies readonly (keyof ResponseRates)[];
export type RateName = (typeof RATE_NAMES)[number];

/** Typed rate texts by `<chainId>/<nodeId>/<rate>`; a rate not typed shows the assumption's value. */
export type RateDrafts = Readonly<Record<string, string>>;

export function rateKey(row: Pick<MessageAssumption, 'chainId' | 'nodeId'>, rate: RateName): string {
  return `${row.chainId}/${row.nodeId}/${rate}`;
}

/** A percentage 0 … 100 typed with a dot or a comma, as a share; null when it is not one. */
export function parseRatePercent(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() && Number.isFinite(value) && value >= 0 && value <= 100 ? value / 100 : null;
}

function percentText(share: number): string {
  return String(Math.round(share * 10_000) / 100);
}

/**
 * The projection's response assumptions, one row per message node, each rate editable as a
 * percentage. The caller keeps the typed texts and applies them to the chains before the run.
 */
export function AssumptionsTable({ rows, drafts, onChange, isDisabled }: { rows: readonly MessageAssumption[]; drafts: RateDrafts; onChange(key: string, text: string): void; isDisabled: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hasSeveralChains = new Set(rows.map((row) => row.chainId)).size > 1;
  return (
    <TableContainer sx={{ maxHeight: 280 }}>
      <Table size="small" stickyHeader data-testid="run-assumptions">
        <TableHead>
          <TableRow>
            <TableCell>{t('runCanvas.dialog.columns.message')}</TableCell>
            <TableCell>{t('runCanvas.dialog.columns.channel')}</TableCell>
            {RATE_NAMES.map((rate) => <TableCell key={rate} align="right">{t(`runCanvas.dialog.columns.${rate}`)}</TableCell>)}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => {
            const message = row.label || t('chains.kinds.message');
            return (
              <TableRow key={`${row.chainId}/${row.nodeId}`} data-testid="run-assumption" data-node-id={row.nodeId}>
                <TableCell>
                  <Typography variant="body2" data-value>{hasSeveralChains ? `${row.chainName} · ${message}` : message}</Typography>
                </TableCell>
                <TableCell>
                  <Typography variant="body2">{row.channel ? t(`inspector.message.channels.${row.channel}`) : t('runCanvas.dialog.noChannel')}</Typography>
                  {row.rates && <Typography variant="caption" color="text.secondary">{row.isChannelDefault ? t('runCanvas.dialog.channelDefault') : t('runCanvas.dialog.ownRates')}</Typography>}
                </TableCell>
                {RATE_NAMES.map((rate) => {
                  const key = rateKey(row, rate);
                  const text = drafts[key] ?? (row.rates ? percentText(row.rates[rate]) : '');
                  const isInvalid = drafts[key] !== undefined && parseRatePercent(text) === null;
                  return (
                    <TableCell key={rate} align="right" sx={{ minWidth: 84 }}>
                      <TextField
                        size="small"
                        value={text}
                        disabled={isDisabled || !row.rates}
                        error={isInvalid}
                        title={isInvalid ? t('runCanvas.form.rateInvalid') : row.rates ? format.percent(row.rates[rate], 1) : undefined}
                        onChange={(event) => onChange(key, event.target.value)}
                        slotProps={{ htmlInput: { inputMode: 'decimal', 'aria-label': t('runCanvas.dialog.rateLabel', { rate: t(`runCanvas.dialog.columns.${rate}`), message }), 'aria-invalid': isInvalid, 'data-testid': `rate-${row.nodeId}-${rate}`, style: { textAlign: 'right', width: 56 } } }}
                      />
                    </TableCell>
                  );
                })}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
