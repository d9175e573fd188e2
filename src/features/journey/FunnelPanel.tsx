import { Alert, Box, Button, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import TrendingDownIcon from '@mui/icons-material/TrendingDown';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import type { FunnelStage, PeriodUnit, StageMapping } from '../../domain/journey';
import { isDefaultStageId } from '../../domain/journey';
import { StatCard } from '../../ui/StatCard';
import { useFormat } from '../../ui/format';
import type { JourneyOverview } from '../../engine';
import { biggestDropOff, visibleFunnelStages } from './funnelView';
import { stageColor, stageNames } from './labels';
import { PeriodChart } from './PeriodChart';
import { useStageEvidence } from './useStageEvidence';

interface ShownStage {
  stage: FunnelStage;
  /** position in the mapping (keeps the stage's colour) */
  position: number;
  name: string;
  hasEvidence: boolean;
}

function SummaryCards({ overview, stages }: { overview: JourneyOverview; stages: ShownStage[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const funnel = overview.funnel!;
  const reachedOf = (id: string) => stages.find((entry) => entry.stage.stageId === id && entry.hasEvidence)?.stage.reached;
  const purchase = reachedOf('purchase');
  const retention = reachedOf('retention');
  const share = (part: number, whole: number) => (whole > 0 ? format.percent(part / whole) : t('journey.funnel.none'));
  const biggest = biggestDropOff(stages.filter((entry) => entry.hasEvidence).map((entry) => entry.stage));
  const named = stages.filter((entry) => entry.hasEvidence);
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))', lg: 'repeat(4, minmax(0, 1fr))' } }}>
      <StatCard testId="journey-stat-customers" label={t('journey.funnel.customers')} value={format.count(funnel.customers)}
        detail={funnel.withoutStage > 0 ? `${t('journey.funnel.withoutStage')}: ${format.count(funnel.withoutStage)} — ${t('journey.funnel.withoutStageHint')}` : undefined} />
      {purchase !== undefined && <StatCard testId="journey-stat-bought" label={t('journey.funnel.boughtShare')} value={share(purchase, funnel.customers)} detail={format.count(purchase)} />}
      {purchase !== undefined && retention !== undefined && (
        <StatCard testId="journey-stat-repeat" label={t('journey.funnel.repeatShare')} value={share(retention, purchase)} detail={`${format.count(retention)} / ${format.count(purchase)}`} />
      )}
      <StatCard testId="journey-stat-drop" label={t('journey.funnel.biggestDrop')} icon={<TrendingDownIcon fontSize="small" />}
        value={biggest ? format.percent(biggest.share) : t('journey.funnel.none')}
        detail={biggest ? t('journey.funnel.biggestDropValue', { from: named[biggest.from]!.name, to: named[biggest.to]!.name }) : undefined} />
    </Box>
  );
}

function TimeCell({ stage }: { stage: FunnelStage }) {
  const { t } = useTranslation();
  const format = useFormat();
  const days = stage.daysFromPrevious;
  if (!days) return <>{t('journey.funnel.none')}</>;
  const spread = t('journey.funnel.timeSpread', { q1: format.daysShort(days.q1), q3: format.daysShort(days.q3), count: days.count });
  return (
    <Tooltip title={spread}>
      <Box tabIndex={0} aria-label={`${format.days(days.median)}. ${spread}`}>
        <Typography variant="body2">{format.daysShort(days.median)}</Typography>
        <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>{t('journey.funnel.quartiles', { q1: format.daysShort(days.q1), q3: format.daysShort(days.q3) })}</Typography>
      </Box>
    </Tooltip>
  );
}

function StageRow({ entry, top }: { entry: ShownStage; top: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { stage, position, name, hasEvidence } = entry;
  const width = top > 0 ? Math.max(0.5, (stage.reached / top) * 100) : 0;
  const noData = <Typography variant="caption" color="text.secondary">{t('journey.withoutEvidence.cell')}</Typography>;
  return (
    <TableRow data-testid={`funnel-row-${stage.stageId}`} data-evidence={hasEvidence ? 'yes' : 'no'}>
      <TableCell sx={{ minWidth: 150 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: stageColor(position), flexShrink: 0 }} />
          <Box>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>{name}</Typography>
            {isDefaultStageId(stage.stageId) && <Typography variant="caption" color="text.secondary">{t(`journey.stageHints.${stage.stageId}`)}</Typography>}
          </Box>
        </Stack>
      </TableCell>
      <TableCell sx={{ width: '32%', minWidth: 200 }}>
        {hasEvidence ? (
          <>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Box sx={{ flexGrow: 1, height: 18, bgcolor: 'action.hover', borderRadius: 1, overflow: 'hidden' }} aria-hidden>
                <Box sx={{ width: `${width}%`, height: '100%', bgcolor: stageColor(position), transition: 'width 0.4s' }} />
              </Box>
              <Typography variant="body2" sx={{ minWidth: 64, textAlign: 'right', fontWeight: 600 }} data-testid={`funnel-reached-${stage.stageId}`}>
                {format.count(stage.reached)}
              </Typography>
            </Stack>
            <Typography variant="caption" color="text.secondary">{top > 0 ? format.percent(stage.reached / top) : t('journey.funnel.none')} {t('journey.funnel.ofTop')}</Typography>
          </>
        ) : noData}
      </TableCell>
      <TableCell align="right" data-testid={`funnel-furthest-${stage.stageId}`}>{hasEvidence ? format.count(stage.furthest) : t('journey.funnel.none')}</TableCell>
      <TableCell align="right" data-testid={`funnel-conversion-${stage.stageId}`}>
        {!hasEvidence || stage.conversionFromPrevious === null ? t('journey.funnel.none') : format.percent(stage.conversionFromPrevious)}
      </TableCell>
      <TableCell align="right" data-testid={`funnel-dropoff-${stage.stageId}`} sx={{ color: hasEvidence && stage.dropOffFromPrevious ? 'error.dark' : undefined }}>
        {!hasEvidence || stage.dropOffFromPrevious === null ? t('journey.funnel.none') : format.decrease(stage.dropOffFromPrevious)}
      </TableCell>
      <TableCell align="right" data-testid={`funnel-time-${stage.stageId}`}>
        {hasEvidence ? <TimeCell stage={stage} /> : t('journey.funnel.none')}
      </TableCell>
    </TableRow>
  );
}

/** Stages the data cannot tell anything about, said in words, with a way to show them anyway. */
function WithoutEvidenceNote({ names, hasBehaviour, isShown, onToggle }: { names: string[]; hasBehaviour: boolean; isShown: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  return (
    <Alert severity="info" data-testid="journey-without-evidence" action={<Button color="inherit" size="small" onClick={onToggle} sx={{ whiteSpace: 'nowrap' }}>{isShown ? t('journey.withoutEvidence.hide') : t('journey.withoutEvidence.show')}</Button>}>
      <Typography variant="subtitle2" component="p">{t('journey.withoutEvidence.title')}</Typography>
      <Typography variant="body2" component="p">{t(hasBehaviour ? 'journey.withoutEvidence.bodyUnassigned' : 'journey.withoutEvidence.body', { stages: names.join(', ') })}</Typography>
      <Typography variant="body2" component="p">{t('journey.withoutEvidence.hint')}</Typography>
    </Alert>
  );
}

export function FunnelPanel({ workspace, mapping, overview, unit }: { workspace: Workspace; mapping: StageMapping; overview: JourneyOverview; unit: PeriodUnit }) {
  const { t } = useTranslation();
  const format = useFormat();
  const funnel = overview.funnel!;
  const names = stageNames(mapping, t);
  const { without: withoutEvidence, hasBehaviour } = useStageEvidence(workspace, mapping);
  const [isAllShown, setAllShown] = useState(false);
  // Conversions run between the stages the data has events for; the others, when shown, say so.
  const measured = new Map(visibleFunnelStages(funnel, withoutEvidence).map((stage) => [stage.stageId, stage]));
  const stages: ShownStage[] = funnel.stages
    .map((stage, position) => ({ stage: measured.get(stage.stageId) ?? stage, position, name: names[position] ?? stage.stageId, hasEvidence: measured.has(stage.stageId) }))
    .filter((entry) => entry.hasEvidence || isAllShown);
  const hidden = isAllShown ? new Set<string>() : withoutEvidence;
  const top = stages.find((entry) => entry.hasEvidence)?.stage.reached ?? 0;
  const missingNames = funnel.stages.map((stage, position) => (withoutEvidence.has(stage.stageId) ? names[position] ?? stage.stageId : null)).filter((name): name is string => name !== null);
  return (
    <Stack spacing={2}>
      {missingNames.length > 0 && <WithoutEvidenceNote names={missingNames} hasBehaviour={hasBehaviour} isShown={isAllShown} onToggle={() => setAllShown(!isAllShown)} />}
      <SummaryCards overview={overview} stages={stages} />
      <Paper sx={{ p: 2 }} data-testid="journey-funnel">
        <Typography variant="h6" component="h2">{t('journey.funnel.title', { date: format.calendarDate(overview.asOfDate!) })}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('journey.funnel.denominator')}</Typography>
        <TableContainer>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('journey.funnel.stage')}</TableCell>
                <TableCell>{t('journey.funnel.reached')}</TableCell>
                <TableCell align="right">{t('journey.funnel.furthest')}</TableCell>
                <TableCell align="right">{t('journey.funnel.conversion')}</TableCell>
                <TableCell align="right">{t('journey.funnel.dropOff')}</TableCell>
                <TableCell align="right">{t('journey.funnel.time')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {stages.map((entry) => <StageRow key={entry.stage.stageId} entry={entry} top={top} />)}
            </TableBody>
          </Table>
        </TableContainer>
      </Paper>
      {overview.periods && <PeriodChart mapping={mapping} periods={overview.periods} unit={unit} hidden={hidden} />}
    </Stack>
  );
}
