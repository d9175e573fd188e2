import { Alert, Box, Button, Checkbox, FormControlLabel, IconButton, Stack, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { useTranslation } from 'react-i18next';
import { nodeSchema } from '../../../domain/chains/nodes/registry';
import { splitWeightTotal } from '../../../domain/chains/nodes/split';
import { MAX_LABEL_LENGTH } from '../../../domain/chains/schemaParts';
import type { SplitNode } from '../../../domain/chains/types';
import { schemaProblemAt } from '../../../ui/fieldProblems';
import { NumberField } from '../../../ui/NumberField';
import { useLanguage } from '../../../ui/useLanguage';
import { issueText, issuesUnder } from '../../conditions/conditionEdit';
import type { NodeFormProps } from './formTypes';
import { addBranch, canAddBranch, evenOut, removeBranch, updateBranch } from './splitEdits';

const WEIGHT_TOLERANCE = 1e-6;

/** Branches with weights (the total shown live) and holdout flags. */
export function SplitForm({ node, change, issues, testId }: NodeFormProps<SplitNode>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = splitWeightTotal(node);
  const isTotalRight = Math.abs(total - 100) <= WEIGHT_TOLERANCE;
  const totalText = new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 2 }).format(total);
  return (
    <Stack sx={{ gap: 1.5 }}>
      <Typography variant="body2" color="text.secondary">{t('inspector.split.help')}</Typography>
      {node.branches.map((branch, index) => {
        const name = branch.label.trim() || branch.id;
        return (
          <Box key={branch.id} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1, display: 'flex', flexDirection: 'column', gap: 1 }} data-testid={`${testId}-branch-${index}`}>
            <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
              <TextField
                size="small"
                label={t('inspector.split.name')}
                value={branch.label}
                onChange={(event) => change(updateBranch(node, branch.id, { label: event.target.value }), { coalesceKey: `branch:${branch.id}:label` })}
                slotProps={{ htmlInput: { maxLength: MAX_LABEL_LENGTH, 'data-testid': `${testId}-branch-${index}-label` } }}
                helperText={`${t('inspector.split.branch')} ${branch.id}`}
                sx={{ flex: 1 }}
              />
              <NumberField
                label={t('inspector.split.weight')}
                unit={t('inspector.units.percent')}
                value={branch.weight}
                check={(weight) => schemaProblemAt(nodeSchema('split'), updateBranch(node, branch.id, { weight: weight ?? 0 }), `branches.${index}.weight`)}
                problem={issueText(issuesUnder(issues, `branches.${index}.weight`), language)}
                onCommit={(weight) => change(updateBranch(node, branch.id, { weight: weight ?? 0 }), { coalesceKey: `branch:${branch.id}:weight` })}
                testId={`${testId}-branch-${index}-weight`}
                sx={{ width: 120 }}
              />
              <IconButton aria-label={t('inspector.split.remove', { name })} onClick={() => change(removeBranch(node, branch.id))} size="small" data-testid={`${testId}-branch-${index}-remove`}>
                <DeleteOutlineIcon fontSize="small" />
              </IconButton>
            </Stack>
            <FormControlLabel
              control={<Checkbox size="small" checked={branch.isHoldout} onChange={(event) => change(updateBranch(node, branch.id, { isHoldout: event.target.checked }))} data-testid={`${testId}-branch-${index}-holdout`} />}
              label={t('inspector.split.holdout')}
            />
          </Box>
        );
      })}
      <Alert severity={isTotalRight ? 'success' : 'error'} variant="outlined" data-testid={`${testId}-total`} aria-live="polite">
        {isTotalRight ? t('inspector.split.totalOk') : t('inspector.split.totalBad', { total: totalText })}
      </Alert>
      <Stack direction="row" sx={{ gap: 1 }}>
        <Button size="small" startIcon={<AddIcon />} disabled={!canAddBranch(node)} onClick={() => change(addBranch(node))} data-testid={`${testId}-add-branch`}>{t('inspector.split.add')}</Button>
        <Button size="small" onClick={() => change(evenOut(node))} data-testid={`${testId}-even`}>{t('inspector.split.even')}</Button>
      </Stack>
    </Stack>
  );
}
