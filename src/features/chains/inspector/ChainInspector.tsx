import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { nodeSummary, type Chain } from '../../../domain/chains';
import { useLanguage } from '../../../ui/useLanguage';

/**
 * The side panel's content for the selected node, or the chain's settings when nothing is
 * selected. PLACEHOLDER: issue-12-inspector replaces the body with the full configuration forms;
 * the props are the agreed interface and stay as they are.
 * - `onChange(next, { coalesceKey })`: every edit goes through it as a whole new chain; edits
 *   with the same `coalesceKey` in quick succession (typing) form one undo step.
 */
export interface ChainInspectorProps {
  chain: Chain;
  selectedNodeId: string | null;
  workspaceId: string;
  onChange(next: Chain, options?: { coalesceKey?: string }): void;
}

export function ChainInspector({ chain, selectedNodeId }: ChainInspectorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const node = selectedNodeId ? chain.nodes.find((item) => item.id === selectedNodeId) : undefined;
  return (
    <Stack spacing={1.5} data-testid="chain-inspector">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>{node ? t('chains.editor.selectedNode') : t('chains.editor.chainSettings')}</Typography>
      {node ? (
        <Box>
          <Typography variant="caption" color="text.secondary">{t('chains.inspector.kind')}</Typography>
          <Typography>{t(`chains.kinds.${node.kind}`)}</Typography>
          <Typography variant="caption" color="text.secondary">{t('chains.inspector.summary')}</Typography>
          <Typography data-testid="inspector-summary">{nodeSummary(node)[language]}</Typography>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>{t('chains.inspector.settings')}</Typography>
          <Typography variant="body2" color="text.secondary">{t('chains.inspector.placeholder')}</Typography>
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary">{t('chains.inspector.chainPlaceholder')}</Typography>
      )}
    </Stack>
  );
}
