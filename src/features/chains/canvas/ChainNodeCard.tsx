import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { Handle, Position, useStore, type NodeProps } from '@xyflow/react';
import { createContext, memo, useCallback, useContext, useMemo, useSyncExternalStore, type CSSProperties } from 'react';
import { hasInput, outPorts, type ChainNode, type PortSpec } from '../../../domain/chains';
import { useCanvasText } from './canvasText';
import { insertableKinds } from './chainEdits';
import { insertNodeAtPort } from './editorActions';
import { isPortConnected, useChainEditor, type NodeOverlay } from './editorStore';
import { INPUT_HANDLE, type ChainFlowNode } from './flowGraph';
import { InsertMenu } from './InsertMenu';
import { NODE_LOOK } from './nodeLook';
import { createSummarySource, type SummarySource } from './summarySource';
import { isFiguresText } from './zoom';

/** The summaries with the workspace's names (event types, segments, stages); the editor provides it. */
export const SummaryContext = createContext<SummarySource>(createSummarySource());

/** The card's summary; re-renders the card only when its own text changes, not whenever the names do. */
function useNodeSummary(node: ChainNode): string {
  const source = useContext(SummaryContext);
  const { language } = useCanvasText();
  const read = useCallback(() => source.summary(node)[language], [source, node, language]);
  return useSyncExternalStore(source.subscribe, read);
}

function Findings({ nodeId }: { nodeId: string }) {
  const { t, language } = useCanvasText();
  const findings = useChainEditor((state) => state.findingsByNode.get(nodeId));
  if (!findings?.length) return null;
  const isError = findings.some((item) => item.severity === 'error');
  const Icon = isError ? ErrorOutlineIcon : WarningAmberIcon;
  const title = findings.map((item) => item.message[language]).join('\n');
  return (
    <span className={`cl-node__badge cl-node__badge--${isError ? 'error' : 'warning'}`} role="img" title={title} aria-label={`${t('chains.editor.missing')}: ${title}`} data-testid="node-warning" data-severity={isError ? 'error' : 'warning'}>
      <Icon fontSize="small" />
    </span>
  );
}

/** A run's figures on a card; only a card with figures subscribes to the zoom (a pan frame then checks no 300 selectors). */
function Overlay({ nodeId }: { nodeId: string }) {
  const overlay = useChainEditor((state) => state.overlay?.nodes[nodeId]);
  const onOpen = useChainEditor((state) => state.overlay?.onOpenNode);
  if (!overlay) return null;
  return <Figures nodeId={nodeId} overlay={overlay} onOpen={onOpen} />;
}

function Figures({ nodeId, overlay, onOpen }: { nodeId: string; overlay: NodeOverlay; onOpen: ((nodeId: string) => void) | undefined }) {
  const isText = useStore(isFiguresText);
  const className = `cl-node__overlay cl-node__overlay--${overlay.tone ?? 'neutral'}`;
  const content = (
    <>
      <strong data-testid="node-overlay-primary">{overlay.primary}</strong>
      {overlay.secondary && <span>{overlay.secondary}</span>}
      {overlay.lines?.map((line, index) => <span key={index} className="cl-node__overlay-line" data-testid="node-overlay-line">{line}</span>)}
      {overlay.delta && (
        <span className={`cl-node__delta cl-node__delta--${overlay.delta.direction}`} data-testid="node-overlay-delta" data-direction={overlay.delta.direction}>
          <span aria-hidden="true">{overlay.delta.text}</span>
          <span className="cl-visually-hidden">{overlay.delta.label}</span>
        </span>
      )}
    </>
  );
  // The figures open the node's customers; the rest of the card still selects it for editing.
  if (onOpen && overlay.openLabel && !isText) {
    return <button type="button" className={`${className} cl-node__overlay--button nodrag`} data-testid="node-overlay" aria-label={overlay.openLabel} onClick={() => onOpen(nodeId)}>{content}</button>;
  }
  return <div className={className} data-testid="node-overlay">{content}</div>;
}

/** A run's amber badge: the reason in words as its tooltip and accessible name. */
function RunWarning({ nodeId }: { nodeId: string }) {
  const warning = useChainEditor((state) => state.overlay?.nodes[nodeId]?.warning);
  if (!warning) return null;
  return (
    <span className="cl-node__badge cl-node__badge--amber" role="img" title={warning} aria-label={warning} data-testid="node-run-warning">
      <WarningAmberIcon fontSize="small" />
    </span>
  );
}

/**
 * What screen readers get while the card is drawn plain (zoomed far out) and its label and summary
 * are not painted: an empty element named by the text, shown by the canvas's `cl-plain` class only
 * (canvas.css; hidden, it is out of the accessibility tree, so no text is on the card twice
 * otherwise). Empty, not a clipped copy: 300 clipped boxes doubled the paint of a pan frame. Not a
 * zoom subscription per card: every pan frame would run 300 selectors.
 */
function PlainText({ text }: { text: string }) {
  return <span className="cl-node__plain-text" role="img" aria-label={text} />;
}

function PortHandle({ nodeId, port, index, count }: { nodeId: string; port: PortSpec; index: number; count: number }) {
  const { t, language } = useCanvasText();
  const isConnected = useChainEditor((state) => isPortConnected(state, nodeId, port.id));
  const left = `${((index + 1) / (count + 1)) * 100}%`;
  const isSingleOut = count === 1 && port.id === 'out';
  const label = port.label[language];
  return (
    <>
      <Handle type="source" position={Position.Bottom} id={port.id} style={{ left }} title={label} data-port={port.id} />
      <div className="cl-port" style={{ left }}>
        {!isSingleOut && <span className={port.isHoldout ? 'cl-port__label cl-port__label--holdout' : 'cl-port__label'}>{label}</span>}
        {!isConnected && (
          <InsertMenu kinds={insertableKinds('port')} label={t('chains.editor.insertAt', { port: label })} testId={`port-plus-${port.id}`} onPick={(kind) => insertNodeAtPort(nodeId, port.id, kind)} />
        )}
      </div>
    </>
  );
}

function ChainNodeCardView({ data }: NodeProps<ChainFlowNode>) {
  const { t } = useCanvasText();
  const node = data.node;
  const look = NODE_LOOK[node.kind];
  const Icon = look.icon;
  const summary = useNodeSummary(node);
  const isDimmed = useChainEditor((state) => state.highlight !== null && !state.highlight.nodeIds.has(node.id));
  const isCurrent = useChainEditor((state) => state.highlight?.currentNodeId === node.id);
  const isOnPath = useChainEditor((state) => state.highlight !== null && state.highlight.nodeIds.has(node.id));
  const ports = useMemo(() => outPorts(node), [node]);
  return (
    <div className={['cl-node', isDimmed && 'cl-node--dimmed', isOnPath && 'cl-node--on-path', isCurrent && 'cl-node--current'].filter(Boolean).join(' ')} data-path={isCurrent ? 'current' : isOnPath ? 'on' : undefined} style={{ '--cl-kind': look.color } as CSSProperties} data-testid="chain-node" data-kind={node.kind}>
      {hasInput(node.kind) && <Handle type="target" position={Position.Top} id={INPUT_HANDLE} title={t('chains.editor.entry')} />}
      <div className="cl-node__head">
        <Icon fontSize="small" />
        <span className="cl-node__kind">{t(`chains.kinds.${node.kind}`)}</span>
        <RunWarning nodeId={node.id} />
        <Findings nodeId={node.id} />
      </div>
      {node.label && <p className="cl-node__label">{node.label}</p>}
      <p className="cl-node__summary" data-testid="node-summary">{summary}</p>
      <PlainText text={node.label ? `${node.label}. ${summary}` : summary} />
      <Overlay nodeId={node.id} />
      {ports.map((port, index) => <PortHandle key={port.id} nodeId={node.id} port={port} index={index} count={ports.length} />)}
    </div>
  );
}

/**
 * Re-renders only for a new domain node: the card reads nothing else of its props. React Flow
 * hands a new position whenever a run's figures arrive (the rows are drawn apart) and new `data`
 * with every measured size; the figures, badges and highlight are subscribed to on their own.
 */
function isSameCard(before: NodeProps<ChainFlowNode>, after: NodeProps<ChainFlowNode>): boolean {
  return before.data.node === after.data.node;
}

/** A chain node on the canvas: what it does in plain words, a badge while something is missing, its exits. */
export const ChainNodeCard = memo(ChainNodeCardView, isSameCard);
