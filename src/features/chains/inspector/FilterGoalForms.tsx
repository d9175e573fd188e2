import { FormControlLabel, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FilterNode, GoalNode } from '../../../domain/chains/types';
import { relativeIssues } from '../../conditions/conditionEdit';
import { ConditionBuilder } from '../../conditions/ConditionBuilder';
import type { NodeFormProps } from './formTypes';

/** A condition checked on arrival: yes / no. */
export function FilterForm({ node, change, vocabulary, issues, testId }: NodeFormProps<FilterNode>) {
  const { t } = useTranslation();
  return (
    <Stack sx={{ gap: 1.5 }}>
      <Typography variant="body2" color="text.secondary">{t('inspector.filter.help')}</Typography>
      <ConditionBuilder
        value={node.condition}
        onChange={(condition, options) => change({ ...node, condition }, options)}
        vocabulary={vocabulary}
        context={{ isInChain: true }}
        issues={relativeIssues(issues, 'condition')}
        testId={`${testId}-condition`}
      />
    </Stack>
  );
}

/** The end of a path: goal reached, or just exit. */
export function GoalForm({ node, change, testId }: NodeFormProps<GoalNode>) {
  const { t } = useTranslation();
  return (
    <Stack sx={{ gap: 1 }}>
      <Typography variant="subtitle2" component="h3" id={`${testId}-outcome-label`}>{t('inspector.goal.outcome.label')}</Typography>
      <RadioGroup aria-labelledby={`${testId}-outcome-label`} value={node.outcome} onChange={(event) => change({ ...node, outcome: event.target.value === 'exit' ? 'exit' : 'goal' })} data-testid={`${testId}-outcome`}>
        <FormControlLabel value="goal" control={<Radio size="small" />} label={t('inspector.goal.outcome.goal')} />
        <FormControlLabel value="exit" control={<Radio size="small" />} label={t('inspector.goal.outcome.exit')} />
      </RadioGroup>
      <Typography variant="body2" color="text.secondary">{t(node.outcome === 'goal' ? 'inspector.goal.goalHelp' : 'inspector.goal.exitHelp')}</Typography>
    </Stack>
  );
}
