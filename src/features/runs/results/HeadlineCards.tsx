import { Box, Chip, Paper, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../ui/format';
import type { Basis, HeadlineCard } from './resultsModel';
import { figureText, formatFigure } from './runText';

/** "replayed" or "projected": every figure carries where it comes from (a projected one never goes without it). */
export function BasisLabel({ basis }: { basis: Basis }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`runResults.results.basisHelp.${basis}`)}>
      <Chip size="small" variant={basis === 'projected' ? 'filled' : 'outlined'} color={basis === 'projected' ? 'secondary' : 'default'} label={t(`runResults.results.basis.${basis}`)} data-testid="basis-label" data-basis={basis} />
    </Tooltip>
  );
}

function Card({ card }: { card: HeadlineCard }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper variant="outlined" sx={{ p: 2, height: '100%' }} data-testid={`card-${card.id}`} data-basis={card.basis}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, mb: 0.5 }}>
        <Typography variant="body2" color="text.secondary" component="h3">{t(`runResults.cards.title.${card.id}`)}</Typography>
        <BasisLabel basis={card.basis} />
      </Stack>
      <Typography variant="h5" component="p" data-testid={`card-${card.id}-value`}>
        {card.value ? formatFigure(card.value, format, t) : t('runResults.cards.none')}
      </Typography>
      <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2, color: 'text.secondary' }}>
        {card.details.map((detail) => (
          <Typography key={`${detail.key}${JSON.stringify(detail.params)}`} component="li" variant="caption" sx={{ display: 'list-item' }}>
            {figureText(detail, format, t)}
          </Typography>
        ))}
      </Box>
    </Paper>
  );
}

/** The headline figures of a run, each with its denominator and its basis. */
export function HeadlineCards({ cards }: { cards: HeadlineCard[] }) {
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(3, 1fr)' } }} data-testid="headline-cards">
      {cards.map((card) => <Card key={card.id} card={card} />)}
    </Box>
  );
}
