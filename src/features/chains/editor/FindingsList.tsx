import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Box, Button, List, ListItem, ListItemButton, ListItemIcon, ListItemText, Typography } from '@mui/material';
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeKindName, type ChainFinding } from '../../../domain/chains';
import { useLanguage } from '../../../ui/useLanguage';
import { useChainEditor } from '../canvas/editorStore';
import { findingsShown } from './findingsShown';

/** What the check found, errors first; a click selects the node and brings it to the middle of the canvas. */
export function FindingsList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const findings = useChainEditor((state) => state.findings);
  const chain = useChainEditor((state) => state.content);
  const { setCenter, getInternalNode, getZoom } = useReactFlow();
  const errors = findings.filter((item) => item.severity === 'error').length;
  const [isAllShown, setAllShown] = useState(false);
  const { shown, total } = findingsShown(findings, isAllShown);
  /** The node a finding points at; a link's finding points at the step the link leaves. */
  function nodeOf(item: ChainFinding): string | undefined {
    return item.nodeId ?? (item.edgeId ? chain?.edges.find((edge) => edge.id === item.edgeId)?.source : undefined);
  }
  function focus(item: ChainFinding): void {
    const nodeId = nodeOf(item);
    // A finding about the chain itself: nothing selected, so the panel shows the chain's settings.
    useChainEditor.getState().select(nodeId ? [nodeId] : []);
    if (!nodeId) return;
    const internal = getInternalNode(nodeId);
    if (!internal) return;
    const { x, y } = internal.internals.positionAbsolute;
    const width = internal.measured.width ?? 240;
    const height = internal.measured.height ?? 80;
    void setCenter(x + width / 2, y + height / 2, { zoom: Math.max(getZoom(), 0.9), duration: 300 });
  }
  function nodeName(nodeId: string | undefined): string {
    const node = nodeId ? chain?.nodes.find((item) => item.id === nodeId) : undefined;
    if (!node) return t('chains.editor.chainLevel');
    return node.label || nodeKindName(node.kind)[language];
  }
  return (
    <Box component="section" aria-labelledby="findings-title" data-testid="findings">
      <Typography id="findings-title" variant="subtitle2" component="h2">{t('chains.editor.findings')}</Typography>
      <Typography variant="caption" color="text.secondary" role="status" data-testid="findings-count">
        {findings.length ? t('chains.editor.findingsCount', { errors, warnings: findings.length - errors }) : t('chains.editor.findingsNone')}
      </Typography>
      <List dense disablePadding sx={{ maxHeight: 260, overflow: 'auto' }}>
        {shown.map((item, index) => (
          <ListItem key={`${item.nodeId ?? ''}-${item.code}-${index}`} disablePadding>
          <ListItemButton onClick={() => focus(item)} data-testid="finding" data-node-id={nodeOf(item) ?? ''} sx={{ alignItems: 'flex-start', px: 0.5 }}>
            <ListItemIcon sx={{ minWidth: 28, mt: 0.5 }}>
              {item.severity === 'error' ? <ErrorOutlineIcon fontSize="small" color="error" /> : <WarningAmberIcon fontSize="small" sx={{ color: 'warning.dark' }} />}
            </ListItemIcon>
            <ListItemText primary={item.message[language]} secondary={nodeName(nodeOf(item))} slotProps={{ primary: { variant: 'body2' } }} />
          </ListItemButton>
          </ListItem>
        ))}
      </List>
      {shown.length < total && (
        <Button size="small" onClick={() => setAllShown(true)} data-testid="findings-show-all">{t('chains.editor.findingsShowAll', { count: total })}</Button>
      )}
    </Box>
  );
}
