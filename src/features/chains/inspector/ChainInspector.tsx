import { Alert, Box, Divider, Stack, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeKindName, nodeSummary } from '../../../domain/chains/nodes/registry';
import { findingsOfNode } from '../../../domain/chains/validator';
import type { ChainFinding } from '../../../domain/chains/findings';
import { MAX_LABEL_LENGTH } from '../../../domain/chains/schemaParts';
import type { Chain, ChainNode } from '../../../domain/chains/types';
import type { NameResolver } from '../../../domain/conditions/names';
import type { Workspace } from '../../../domain';
import { useLanguage } from '../../../ui/useLanguage';
import { relativeIssues } from '../../conditions/conditionEdit';
import { useConditionNames } from '../../conditions/useConditionNames';
import { useWorkspace, useWorkspaceVocabulary } from '../../conditions/useWorkspaceVocabulary';
import type { WorkspaceVocabulary } from '../../../domain/conditions/vocabulary';
import { ChainSettingsForm } from './ChainSettingsForm';
import { FilterForm, GoalForm } from './FilterGoalForms';
import type { NodeChangeOptions, NodeFormProps } from './formTypes';
import { FindingsList } from './FormParts';
import { chainLevelFindings, panelFindings, replaceNode } from './inspectorModel';
import { MessageForm } from './MessageForm';
import { MessagePreview } from './MessagePreview';
import { SplitForm } from './SplitForm';
import { TimerForm } from './TimerForm';
import { TriggerForm } from './TriggerForm';
import type { PickedCustomer } from './useCustomerPick';
import { TryValuesButton } from '../../runs/whatIf/TryValuesButton';

export interface ChainInspectorProps {
  chain: Chain;
  /** null: the chain's settings */
  selectedNodeId: string | null;
  workspaceId: string;
  /** the whole next chain (an immutable update); `coalesceKey` groups rapid edits (typing) into one undo step */
  onChange(next: Chain, options?: { coalesceKey?: string }): void;
}

const TEST_ID = 'inspector';

/** The form of a node's kind (the one switch over kinds in the panel). */
function NodeForm({ node, ...rest }: Omit<NodeFormProps<ChainNode>, 'change'> & { change(next: ChainNode, options?: NodeChangeOptions): void }) {
  switch (node.kind) {
    case 'trigger':
      return <TriggerForm node={node} {...rest} />;
    case 'filter':
      return <FilterForm node={node} {...rest} />;
    case 'split':
      return <SplitForm node={node} {...rest} />;
    case 'timer':
      return <TimerForm node={node} {...rest} />;
    case 'message':
      return <MessageForm node={node} {...rest} />;
    case 'goal':
      return <GoalForm node={node} {...rest} />;
  }
}

function NodePanel({ chain, node, findings, onChange, vocabulary, names, workspace, picked, onPick }: {
  chain: Chain;
  node: ChainNode;
  /** this node's findings */
  findings: readonly ChainFinding[];
  onChange: ChainInspectorProps['onChange'];
  vocabulary: WorkspaceVocabulary | null;
  names: NameResolver;
  workspace: Workspace | undefined;
  picked: PickedCustomer | null;
  onPick(next: PickedCustomer | null): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const timeZone = chain.settings.timeZone ?? workspace?.timeZone ?? 'UTC';
  function change(next: ChainNode, options: NodeChangeOptions = {}): void {
    const key = options.coalesceKey ? { coalesceKey: `${node.id}:${options.coalesceKey}` } : undefined;
    onChange(replaceNode(chain, next, options.renames), key);
  }
  const testId = `${TEST_ID}-${node.kind}`;
  return (
    <Stack sx={{ gap: 2 }} data-testid={`${TEST_ID}-node`} data-node-id={node.id} data-kind={node.kind}>
      <Box>
        <Typography variant="overline" color="text.secondary" component="p">{nodeKindName(node.kind)[language]}</Typography>
        <Typography variant="h6" component="h2" sx={{ overflowWrap: 'anywhere' }} data-testid={`${TEST_ID}-summary`}>
          {node.label.trim() || nodeSummary(node, names)[language]}
        </Typography>
      </Box>
      <FindingsList findings={findings} testId={`${TEST_ID}-findings`} />
      <TextField
        size="small"
        label={t('inspector.cardTitle')}
        value={node.label}
        placeholder={nodeSummary(node, names)[language]}
        helperText={t('inspector.cardTitleHelp')}
        onChange={(event) => change({ ...node, label: event.target.value }, { coalesceKey: 'label' })}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { maxLength: MAX_LABEL_LENGTH, 'data-testid': `${TEST_ID}-label` } }}
      />
      <Divider />
      <NodeForm node={node} change={change} vocabulary={vocabulary} names={names} issues={relativeIssues(findings, '')} timeZone={timeZone} testId={testId} />
      {node.kind === 'message' && workspace && (
        <>
          <Divider />
          <MessagePreview node={node} workspace={workspace} timeZone={timeZone} picked={picked} onPick={onPick} testId={`${TEST_ID}-preview`} />
        </>
      )}
    </Stack>
  );
}

/**
 * The chain editor's side panel: the selected node's form (every option of its kind, its
 * findings at the top and beside the fields, names offered from the workspace's data with their
 * counts, a message preview for a real customer), or the chain's settings when nothing is
 * selected. Every edit goes out as the whole next chain through `onChange`.
 */
export function ChainInspector({ chain, selectedNodeId, workspaceId, onChange }: ChainInspectorProps) {
  const { t } = useTranslation();
  const vocabulary = useWorkspaceVocabulary(workspaceId);
  const workspace = useWorkspace(workspaceId);
  const names = useConditionNames(vocabulary);
  const [picked, setPicked] = useState<{ workspaceId: string; customer: PickedCustomer | null }>({ workspaceId, customer: null });
  const pickedHere = picked.workspaceId === workspaceId ? picked.customer : null;
  const onPick = (customer: PickedCustomer | null) => setPicked({ workspaceId, customer });
  const findings = useMemo(() => panelFindings(chain, vocabulary), [chain, vocabulary]);
  if (selectedNodeId === null) {
    const chainFindings = chainLevelFindings(findings);
    return (
      <Stack component="section" aria-label={t('inspector.settingsLabel')} sx={{ gap: 2 }} data-testid={`${TEST_ID}-settings-panel`}>
        <Typography variant="h6" component="h2">{t('inspector.settingsLabel')}</Typography>
        <FindingsList findings={chainFindings} testId={`${TEST_ID}-findings`} />
        <TryValuesButton workspaceId={workspaceId} chain={chain} nodeId={null} />
        <ChainSettingsForm chain={chain} onChange={onChange} vocabulary={vocabulary} names={names} issues={relativeIssues(chainFindings, '')} workspaceTimeZone={workspace?.timeZone ?? 'UTC'} testId={`${TEST_ID}-settings`} />
      </Stack>
    );
  }
  const node = chain.nodes.find((item) => item.id === selectedNodeId);
  return (
    <Box component="section" aria-label={t('inspector.panelLabel')} data-testid={`${TEST_ID}-panel`}>
      {node && <Box sx={{ mb: 1.5 }}><TryValuesButton workspaceId={workspaceId} chain={chain} nodeId={node.id} /></Box>}
      {node ? (
        // Keyed by node: drafts of one node's fields never show on another.
        <NodePanel key={node.id} chain={chain} node={node} findings={findingsOfNode(findings, node.id)} onChange={onChange} vocabulary={vocabulary} names={names} workspace={workspace} picked={pickedHere} onPick={onPick} />
      ) : (
        <Alert severity="warning">{t('inspector.noNode')}</Alert>
      )}
    </Box>
  );
}
