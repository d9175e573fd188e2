import { Accordion, AccordionDetails, AccordionSummary, Alert, LinearProgress, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import { NONE, type AudienceProfile, type ProfileRow } from '../../domain/audiences/profile';
import type { WorkspaceVocabulary } from '../../domain/conditions/vocabulary';
import { CONSENT_CHANNELS } from '../../domain/model/customer';
import type { AudienceCountRequest } from '../../engine/audiences/audienceTypes';
import { errorMessage } from '../../ui/errorMessage';
import { useFormat } from '../../ui/format';
import { useLanguage } from '../../ui/useLanguage';
import { useEngineCall } from '../../workers/useEngineCall';
import { useConditionNames } from '../conditions/useConditionNames';
import { ProfileRowCustomers, type OpenProfileRow } from './ProfileRowCustomers';

type Breakdown = 'segments' | 'lifecycle' | 'stages';

/** Keys of a breakdown, largest in the base first, "none" last. */
function keysOf(base: AudienceProfile, breakdown: Breakdown): string[] {
  return Object.entries(base[breakdown]).sort(([a, x], [b, y]) => (a === NONE ? 1 : b === NONE ? -1 : y - x)).map(([key]) => key);
}

/**
 * The audience next to the whole base (computed in the worker when opened): shares by RFM
 * segment, lifecycle, stage, channels reachable, buyers and average order. A row that counts
 * customers opens the audience's customers in it (audience AND that segment, channel …).
 */
export function AudienceProfilePanel({ workspace, request, audienceName, vocabulary }: { workspace: Workspace; request: AudienceCountRequest; audienceName: string; vocabulary: WorkspaceVocabulary | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useLanguage();
  const names = useConditionNames(vocabulary);
  const [isOpen, setOpen] = useState(false);
  const [openRow, setOpenRow] = useState<OpenProfileRow | null>(null);
  const profiles = useEngineCall('audiences', 'profile', isOpen ? request : null);
  const value = profiles.value;

  function share(part: number, whole: number): string {
    return whole ? format.percent(part / whole, 1) : '—';
  }

  function row(key: string, label: string, audience: string, base: string, target?: ProfileRow) {
    return (
      <TableRow key={key} data-testid={`audience-profile-${key}`}>
        <TableCell component="th" scope="row">
          {target ? (
            <Link component="button" type="button" variant="body2" onClick={() => setOpenRow({ row: target, label })} aria-label={t('audiences.profile.openRow', { row: label })} sx={{ textAlign: 'left' }} data-testid={`audience-profile-open-${key}`}>
              {label}
            </Link>
          ) : (
            label
          )}
        </TableCell>
        <TableCell align="right">{audience}</TableCell>
        <TableCell align="right">{base}</TableCell>
      </TableRow>
    );
  }

  function breakdownRows(breakdown: Breakdown, nameOf: (key: string) => string) {
    if (!value) return [];
    return [
      <TableRow key={`${breakdown}-title`}>
        <TableCell colSpan={3} sx={{ fontWeight: 600, bgcolor: 'action.hover' }}>{t(`audiences.profile.${breakdown}`)}</TableCell>
      </TableRow>,
      ...keysOf(value.base, breakdown).map((key) =>
        row(`${breakdown}-${key}`, key === NONE ? t('audiences.profile.none') : nameOf(key), share(value.audience[breakdown][key] ?? 0, value.audience.size), share(value.base[breakdown][key] ?? 0, value.base.size), { kind: breakdown, key }),
      ),
    ];
  }

  return (
    <Accordion expanded={isOpen} onChange={(_event, expanded) => setOpen(expanded)} variant="outlined" disableGutters>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="audience-profile-content" id="audience-profile-header" data-testid="audience-profile-toggle">
        <Typography variant="h6" component="h2">{t('audiences.profile.title')}</Typography>
      </AccordionSummary>
      <AccordionDetails id="audience-profile-content">
        {profiles.isLoading && <LinearProgress aria-label={t('audiences.counting')} sx={{ mb: 1 }} />}
        {profiles.error !== undefined && <Alert severity="error">{errorMessage(profiles.error, t)}</Alert>}
        {value && (
          <Table size="small" aria-label={t('audiences.profile.title')} data-testid="audience-profile" sx={{ opacity: profiles.isCurrent ? 1 : 0.6 }}>
            <TableHead>
              <TableRow>
                <TableCell>{t('audiences.profile.measure')}</TableCell>
                <TableCell align="right">{t('audiences.profile.audience')}</TableCell>
                <TableCell align="right">{t('audiences.profile.base')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {row('size', t('audiences.profile.size'), format.count(value.audience.size), format.count(value.base.size))}
              {row('buyers', t('audiences.profile.buyers'), share(value.audience.buyers, value.audience.size), share(value.base.buyers, value.base.size), { kind: 'buyers' })}
              {row('averageOrder', t('audiences.profile.averageOrder'), value.audience.orders ? format.money(value.audience.averageOrder) : '—', value.base.orders ? format.money(value.base.averageOrder) : '—')}
              {row('revenuePerCustomer', t('audiences.profile.revenuePerCustomer'), value.audience.size ? format.money(value.audience.revenue / value.audience.size) : '—', value.base.size ? format.money(value.base.revenue / value.base.size) : '—')}
              <TableRow>
                <TableCell colSpan={3} sx={{ fontWeight: 600, bgcolor: 'action.hover' }}>{t('audiences.profile.reachable')}</TableCell>
              </TableRow>
              {CONSENT_CHANNELS.map((channel) => row(`reachable-${channel}`, t(`channel.${channel}`), share(value.audience.reachable[channel], value.audience.size), share(value.base.reachable[channel], value.base.size), { kind: 'reachable', channel }))}
              {breakdownRows('segments', (id) => names.segment(id, language))}
              {breakdownRows('lifecycle', (status) => names.lifecycle(status, language))}
              {breakdownRows('stages', (id) => names.stage(id, language))}
            </TableBody>
          </Table>
        )}
        {openRow && value && <ProfileRowCustomers workspace={workspace} request={request} audienceName={audienceName} base={value.base} open={openRow} onClose={() => setOpenRow(null)} />}
      </AccordionDetails>
    </Accordion>
  );
}
