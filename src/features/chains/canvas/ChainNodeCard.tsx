import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { Box, Tooltip, Typography } from '@mui/material';
import { Handle, Position, useNodeConnections, type NodeProps } from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_NAMES, type NameResolver } from '../../../domain/conditions/names';
import { hasInput, LAYOUT_NODE_WIDTH, nodeSummary, outPorts, type ChainNode, type PortSpec } from '../../../domain/chains';
import { useLanguage } from '../../../ui/useLanguage';
import { insertableKinds } from './chainEdits';
import { insertNodeAtPort } from './editorActions';
import { useChainEditor, type NodeOverlay } from './editorStore';
import { INPUT_HANDLE, type ChainFlowNode } from './flowGraph';
import { InsertMenu } from './InsertMenu';
import { NODE_LOOK } from './nodeLook';

/** The workspace's names for summaries (event types, segments, stages); the editor provides it. */
export const NamesContext = createContext<NameResolver>(DEFAULT_NAMES);

const OVERLAY_TONE: Record<NonNullable<NodeOverlay['tone']>, string> = { neutral: 'grey.100', good: '#e6f4ea', warning: '#fff4e5', bad: '#fdecea' };

function Findings({ nodeId }: { nodeId: string }) {
  const language = useLanguage();
  const { t } = useTranslation();
  const findings = useChainEditor((state) => state.findingsByNode.get(nodeId));
  if (!findings?.length) return null;
  const isError = findings.some((item) => item.severity === 'error');
  const Icon = isError ? ErrorOutlineIcon : WarningAmberIcon;
  const title = findings.map((item) => item.message[language]).join('\n');
  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{title}</span>}>
      <Box component="span" role="img" aria-label={`${t('chains.editor.missing')}: ${title}`} data-testid="node-warning" data-severity={isError ? 'error' : 'warning'} sx={{ display: 'inline-flex', color: isError ? 'error.main' : 'warning.dark' }}>
        <Icon fontSize="small" />
      </Box>
    </Tooltip>
  );
}

function Overlay({ nodeId }: { nodeId: string }) {
  const overlay = useChainEditor((state) => state.overlay?.nodes[nodeId]);
  if (!overlay) return null;
  return (
    <Box data-testid="node-overlay" sx={{ mt: 1, px: 1, py: 0.5, borderRadius: 1, bgcolor: OVERLAY_TONE[overlay.tone ?? 'neutral'] }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>{overlay.primary}</Typography>
      {overlay.secondary && <Typography variant="caption" color="text.secondary">{overlay.secondary}</Typography>}
    </Box>
  );
}

function PortHandle({ node, port, index, count }: { node: ChainNode; port: PortSpec; index: number; count: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const connections = useNodeConnections({ id: node.id, handleType: 'source', handleId: port.id });
  const left = `${((index + 1) / (count + 1)) * 100}%`;
  const isSingleOut = count === 1 && port.id === 'out';
  const label = port.label[language];
  return (
    <>
      <Handle type="source" position={Position.Bottom} id={port.id} style={{ left }} aria-label={label} data-port={port.id} />
      <Box sx={{ position: 'absolute', left, bottom: 0, transform: 'translate(-50%, 100%)', display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.5, pointerEvents: 'none' }}>
        {!isSingleOut && (
          <Typography variant="caption" sx={{ color: port.isHoldout ? 'text.secondary' : 'text.primary', bgcolor: 'background.paper', px: 0.5, lineHeight: 1.4, whiteSpace: 'nowrap' }}>{label}</Typography>
        )}
        {connections.length === 0 && (
          <Box sx={{ pointerEvents: 'auto', mt: 0.25 }}>
            <InsertMenu kinds={insertableKinds('port')} label={t('chains.editor.insertAt', { port: label })} testId={`port-plus-${port.id}`} onPick={(kind) => insertNodeAtPort(node.id, port.id, kind)} />
          </Box>
        )}
      </Box>
    </>
  );
}

function ChainNodeCardView({ data, selected }: NodeProps<ChainFlowNode>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const names = useContext(NamesContext);
  const node = data.node;
  const look = NODE_LOOK[node.kind];
  const Icon = look.icon;
  const summary = nodeSummary(node, names)[language];
  const isDimmed = useChainEditor((state) => state.highlight !== null && !state.highlight.nodeIds.has(node.id));
  const ports = outPorts(node);
  return (
    <Box
      data-testid="chain-node"
      data-kind={node.kind}
      sx={{
        width: LAYOUT_NODE_WIDTH,
        bgcolor: 'background.paper',
        border: '1px solid',
        borderColor: selected ? 'primary.main' : '#c9cedb',
        borderLeft: `4px solid ${look.color}`,
        borderRadius: 2,
        boxShadow: selected ? '0 0 0 2px rgba(25,118,210,.35)' : '0 1px 2px rgba(0,0,0,.08)',
        px: 1.25,
        py: 1,
        opacity: isDimmed ? 0.35 : 1,
      }}
    >
      {hasInput(node.kind) && <Handle type="target" position={Position.Top} id={INPUT_HANDLE} aria-label={t('chains.editor.entry')} />}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, mb: 0.5 }}>
        <Icon fontSize="small" sx={{ color: look.color }} />
        <Typography variant="caption" sx={{ fontWeight: 700, color: look.color, textTransform: 'uppercase', letterSpacing: 0.4, flexGrow: 1 }}>{t(`chains.kinds.${node.kind}`)}</Typography>
        <Findings nodeId={node.id} />
      </Box>
      {node.label && <Typography variant="subtitle2" sx={{ lineHeight: 1.3 }}>{node.label}</Typography>}
      <Typography variant="body2" data-testid="node-summary" color={node.label ? 'text.secondary' : 'text.primary'} sx={{ lineHeight: 1.35, overflowWrap: 'anywhere' }}>{summary}</Typography>
      <Overlay nodeId={node.id} />
      {ports.map((port, index) => <PortHandle key={port.id} node={node} port={port} index={index} count={ports.length} />)}
    </Box>
  );
}

/** A chain node on the canvas: what it does in plain words, a badge while something is missing, its exits. */
export const ChainNodeCard = memo(ChainNodeCardView);
