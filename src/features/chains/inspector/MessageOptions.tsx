import { Box, Button, FormControlLabel, MenuItem, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { CHANNEL_DEFAULT_COST } from '../../../domain/chains/channels';
import { nodeSchema } from '../../../domain/chains/nodes/registry';
import { OFFER_TYPES, type MessageNode, type OfferType } from '../../../domain/chains/types';
import { percentProblem, schemaProblemAt } from '../../../ui/fieldProblems';
import { useFormat } from '../../../ui/format';
import { NumberField } from '../../../ui/NumberField';
import { useLanguage } from '../../../ui/useLanguage';
import { issueText, issuesUnder } from '../../conditions/conditionEdit';
import type { NodeFormProps } from './formTypes';
import { Section } from './FormParts';
import { defaultOffer, fromPercent, hasOfferValue, RESPONSE_KEYS, shownResponses, toPercent, withResponse } from './messageEdits';

function isOfferType(value: string): value is OfferType {
  return (OFFER_TYPES as readonly string[]).includes(value);
}

function check(candidate: MessageNode, path: string) {
  return schemaProblemAt(nodeSchema('message'), candidate, path);
}

function OfferFields({ node, change, issues, testId }: NodeFormProps<MessageNode>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const offer = node.offer;
  return (
    <Section title={t('inspector.message.offerTitle')} testId={`${testId}-offer`}>
      <TextField
        select
        size="small"
        label={t('inspector.message.offerTitle')}
        value={offer?.type ?? 'none'}
        onChange={(event) => change({ ...node, offer: isOfferType(event.target.value) ? defaultOffer(event.target.value, offer?.code ?? '') : null })}
        slotProps={{ htmlInput: { 'data-testid': `${testId}-offer-type` } }}
      >
        <MenuItem value="none">{t('inspector.message.offer.none')}</MenuItem>
        {OFFER_TYPES.map((type) => (
          <MenuItem key={type} value={type}>{t(`inspector.message.offer.${type}`)}</MenuItem>
        ))}
      </TextField>
      {offer && (
        <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
          {hasOfferValue(offer.type) && (
            <NumberField
              label={t('inspector.message.offerValue')}
              value={offer.value}
              unit={offer.type === 'discount_percent' ? '%' : undefined}
              check={(value) => check({ ...node, offer: { ...offer, value: value ?? 0 } }, 'offer.value')}
              onCommit={(value) => change({ ...node, offer: { ...offer, value: value ?? 0 } }, { coalesceKey: 'offer.value' })}
              testId={`${testId}-offer-value`}
              sx={{ width: 140 }}
            />
          )}
          <TextField
            size="small"
            label={t('inspector.message.offerCode')}
            value={offer.code}
            onChange={(event) => change({ ...node, offer: { ...offer, code: event.target.value } }, { coalesceKey: 'offer.code' })}
            helperText={issueText(issuesUnder(issues, 'offer'), language) ?? ' '}
            sx={{ flex: 1 }}
            slotProps={{ htmlInput: { maxLength: 100, 'data-testid': `${testId}-offer-code` } }}
          />
        </Stack>
      )}
    </Section>
  );
}

function ResponseFields({ node, change, testId }: NodeFormProps<MessageNode>) {
  const { t } = useTranslation();
  const rates = shownResponses(node);
  if (!rates) return null;
  const isOwn = node.responses !== null;
  return (
    <Section title={t('inspector.message.responsesTitle')} testId={`${testId}-responses`}>
      <Typography variant="body2" color="text.secondary">{t('inspector.message.responsesHelp')}</Typography>
      <Typography variant="caption" data-testid={`${testId}-responses-source`}>{t(isOwn ? 'inspector.message.responsesOwn' : 'inspector.message.responsesDefault')}</Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr', gap: 0.5 }}>
        {RESPONSE_KEYS.map((key) => (
          <NumberField
            key={`${key}:${isOwn ? 'own' : node.channel}`}
            label={t(`inspector.message.responses.${key}`)}
            unit="%"
            value={toPercent(rates[key])}
            check={percentProblem}
            onCommit={(percent) => change(withResponse(node, key, fromPercent(percent ?? 0)), { coalesceKey: `responses.${key}` })}
            testId={`${testId}-responses-${key}`}
          />
        ))}
      </Box>
      {isOwn && (
        <Box>
          <Button size="small" onClick={() => change({ ...node, responses: null })} data-testid={`${testId}-responses-reset`}>{t('inspector.message.responsesReset')}</Button>
        </Box>
      )}
    </Section>
  );
}

/** Offer, cost, projected order value, response assumptions and what happens when the message is suppressed. */
export function MessageOptions(props: NodeFormProps<MessageNode>) {
  const { t } = useTranslation();
  const format = useFormat();
  const { node, change, testId } = props;
  return (
    <>
      <OfferFields {...props} />
      <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <NumberField
          label={t('inspector.message.cost')}
          value={node.cost}
          check={(cost) => check({ ...node, cost: cost ?? 0 }, 'cost')}
          onCommit={(cost) => change({ ...node, cost: cost ?? 0 }, { coalesceKey: 'cost' })}
          helperText={node.channel ? t('inspector.message.costHelp', { cost: format.money(CHANNEL_DEFAULT_COST[node.channel]) }) : undefined}
          testId={`${testId}-cost`}
          sx={{ flex: 1, minWidth: 150 }}
        />
        <NumberField
          label={t('inspector.message.orderValue')}
          value={node.orderValue}
          isOptional
          check={(orderValue) => check({ ...node, orderValue }, 'orderValue')}
          onCommit={(orderValue) => change({ ...node, orderValue }, { coalesceKey: 'orderValue' })}
          helperText={t('inspector.message.orderValueHelp')}
          testId={`${testId}-order-value`}
          sx={{ flex: 1, minWidth: 150 }}
        />
      </Stack>
      <ResponseFields {...props} />
      <Stack sx={{ gap: 0.5 }}>
        <Typography variant="subtitle2" component="span" id={`${testId}-suppressed-label`}>{t('inspector.message.onSuppressed.label')}</Typography>
        <RadioGroup aria-labelledby={`${testId}-suppressed-label`} value={node.onSuppressed} onChange={(event) => change({ ...node, onSuppressed: event.target.value === 'exit' ? 'exit' : 'continue' })} data-testid={`${testId}-suppressed`}>
          <FormControlLabel value="continue" control={<Radio size="small" />} label={t('inspector.message.onSuppressed.continue')} />
          <FormControlLabel value="exit" control={<Radio size="small" />} label={t('inspector.message.onSuppressed.exit')} />
        </RadioGroup>
      </Stack>
    </>
  );
}
