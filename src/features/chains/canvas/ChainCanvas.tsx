import { Box, Typography } from '@mui/material';
import FitScreenIcon from '@mui/icons-material/FitScreen';
import MapOutlinedIcon from '@mui/icons-material/MapOutlined';
import {
  Background,
  ControlButton,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type DefaultEdgeOptions,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { isNodeKind, type Chain, type Position } from '../../../domain/chains';
import { connectionProblem, insertableKinds, refusal } from './chainEdits';
import { CanvasTextContext } from './canvasText';
import { ChainEdgeView } from './ChainEdgeView';
import { ChainNodeCard } from './ChainNodeCard';
import { edgeAtPoint } from './dropTarget';
import { addNodeAt, connectNodes, insertNodeOnEdge } from './editorActions';
import { useChainEditor } from './editorStore';
import { figureShifts, NO_SHIFTS, shownPosition, storedPosition, type Shifts } from './figureSpacing';
import { chainEdgesToFlow, chainNodesToFlow, type FlowEdge, type FlowNode } from './flowGraph';
import { languageOf } from '../../../ui/useLanguage';
import { applyCanvasNodeChanges, settleLiveDrag, useLiveDrag, withLivePositions } from './liveDrag';
import { isMinimapShown } from './minimap';
import { NODE_KIND_MIME, NODE_LOOK } from './nodeLook';
import { NoteCard } from './NoteCard';
import { useAriaLabels, useEdgeAriaLabels } from './useAriaLabels';
import { FIT_MAX_ZOOM, FIT_PADDING, useFitChain } from './useFitChain';
import { canvasZoomClass, targetScale, zoomOf } from './zoom';

const NODE_TYPES = { chain: ChainNodeCard, note: NoteCard };
const EDGE_TYPES = { chain: ChainEdgeView };
const DEFAULT_EDGE_OPTIONS: DefaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#8a93a8' } };
/** Past this many nodes only what is on screen is rendered (React Flow's performance guide). */
export const VISIBLE_ONLY_FROM = 120;
const FIT_VIEW_OPTIONS = { padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM };
const NO_NODES: FlowNode[] = [];
const NO_EDGES: FlowEdge[] = [];
// Props of React Flow that must keep their identity: a new array or object re-renders its whole
// graph view (pane, viewport, renderers) on every drag frame.
const MULTI_SELECTION_KEYS = ['Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
// React Flow's wrapper clips with `overflow: hidden` (inline), which leaves it a scroll container:
// focusing or scrolling to a "+" outside the view (a browser's scrollIntoView, Playwright's click)
// scrolls the canvas, and React Flow scrolls it back on the next scroll event — the cards jump under
// the pointer between a press and its release, so the click lands on the pane. `clip` cuts the
// same way without being scrollable.
const CANVAS_SX = { position: 'relative', width: '100%', height: '100%', '& .react-flow': { overflow: 'clip !important' } } as const;

/** One function for every render: a new one would re-draw every node of the minimap on each drag frame. */
function minimapColor(node: FlowNode): string {
  return node.type === 'chain' ? NODE_LOOK[(node as FlowNode & { type: 'chain' }).data.node.kind].color : '#f2e27a';
}

/**
 * Keeps every small target — the "+" buttons, a run's figures on a card — at least 24 CSS px on
 * screen (WCAG 2.2 target size) when the canvas is zoomed out: the CSS sizes them by
 * `--cl-plus-scale` (`targetScale`). Written straight to the canvas's element, so zooming
 * re-renders this empty component, not the canvas.
 */
function PlusScale({ target }: { target: RefObject<HTMLDivElement | null> }) {
  const zoom = useStore(zoomOf);
  useLayoutEffect(() => {
    target.current?.style.setProperty('--cl-plus-scale', String(targetScale(zoom)));
  }, [target, zoom]);
  return null;
}

function connectionOf(connection: Connection | FlowEdge): { source: string; sourcePort: string; target: string } {
  return { source: connection.source, sourcePort: connection.sourceHandle ?? '', target: connection.target };
}

/** The chain node a link was dropped on, even one without an entry (a trigger). */
function nodeUnderPointer(event: MouseEvent | TouchEvent): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return null;
  const element = document.elementFromPoint(point.clientX, point.clientY)?.closest<HTMLElement>('.react-flow__node');
  return element?.dataset.id ?? null;
}

/** The chain with its cards where the canvas draws them (a drop finds the link under the pointer). */
function shownChain(chain: Chain, shifts: Shifts): Chain {
  return shifts.size ? { ...chain, nodes: chain.nodes.map((node) => (shifts.has(node.id) ? { ...node, position: shownPosition(node.position, shifts.get(node.id)) } : node)) } : chain;
}

/** Palette drops: a kind dropped on a link goes into it, anywhere else it is added where it fell. */
function useDrop(shifts: Shifts) {
  const { screenToFlowPosition } = useReactFlow();
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(NODE_KIND_MIME);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const { chain, measured } = useChainEditor.getState();
      const edgeId = chain && insertableKinds('edge').includes(kind) ? edgeAtPoint(shownChain(chain, shifts), measured, point) : null;
      if (edgeId) insertNodeOnEdge(edgeId, kind);
      // The card's top-centre lands under the pointer.
      else addNodeAt(kind, { x: Math.round(point.x - 120), y: Math.round(point.y - 20) });
    },
    [screenToFlowPosition, shifts],
  );
  return { onDragOver, onDrop };
}

const shiftedCache = new WeakMap<FlowNode, { shift: number; value: FlowNode }>();

/** A flow node drawn `shift` below its stored place (the same object while its shift stays). */
function shifted(node: FlowNode, shift: number | undefined): FlowNode {
  if (!shift) return node;
  const hit = shiftedCache.get(node);
  if (hit?.shift === shift) return hit.value;
  const value = { ...node, position: shownPosition(node.position, shift) };
  shiftedCache.set(node, { shift, value });
  return value;
}

/**
 * While a run's figures are on the cards, the rows are drawn apart so no card covers another
 * (`figureShifts`); the shifts hold still during a drag (the cards would jump under the pointer)
 * and are worked out again when it ends.
 */
function useFigureShifts(chain: Chain | null, measured: ReadonlyMap<string, { width: number; height: number }>) {
  const hasFigures = useChainEditor((state) => state.overlay !== null);
  const live = useMemo(() => (chain && hasFigures ? figureShifts(chain.nodes, measured) : NO_SHIFTS), [chain, measured, hasFigures]);
  const [frozen, setFrozen] = useState<Shifts | null>(null);
  const shifts = frozen ?? live;
  const onDragStart = useCallback(() => setFrozen(live), [live]);
  const onDragStop = useCallback(() => setFrozen(null), []);
  return { shifts, onDragStart, onDragStop };
}

/**
 * The background, the zoom / fit / map buttons and the minimap. Memoised with steady props: as
 * children of React Flow they would otherwise re-render, MUI icons and all, with every drag frame.
 */
const CanvasControls = memo(function CanvasControls({ nodeCount, canvasRef }: { nodeCount: number; canvasRef: RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  const [minimapChoice, setMinimapChoice] = useState<boolean | null>(null);
  const hasMinimap = isMinimapShown(nodeCount, minimapChoice);
  const minimapLabel = hasMinimap ? t('chains.editor.hideMap') : t('chains.editor.showMap');
  const fitChain = useFitChain();
  return (
    <>
      <Background gap={20} color="#dfe3ec" />
      {/* Its own fit (useFitChain): with a run's figures it stops where they can be read. */}
      <Controls showInteractive={false} showFitView={false}>
        <ControlButton className="react-flow__controls-fitview" onClick={() => fitChain()} aria-label={t('chains.editor.fitView')} title={t('chains.editor.fitView')}>
          <FitScreenIcon fontSize="small" />
        </ControlButton>
        <ControlButton onClick={() => setMinimapChoice(!hasMinimap)} aria-label={minimapLabel} title={minimapLabel} aria-pressed={hasMinimap} data-testid="canvas-minimap-toggle">
          <MapOutlinedIcon fontSize="small" />
        </ControlButton>
      </Controls>
      {hasMinimap && <MiniMap pannable zoomable nodeColor={minimapColor} />}
      <PlusScale target={canvasRef} />
    </>
  );
});

/** The React Flow canvas of the open chain, controlled by the editor store. */
export function ChainCanvas() {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const canvasText = useMemo(() => ({ t, language }) as const, [t, language]);
  const chain = useChainEditor((state) => state.chain);
  const selectedIds = useChainEditor((state) => state.selectedIds);
  const measured = useChainEditor((state) => state.measured);
  const ariaLabels = useAriaLabels();
  const spacing = useFigureShifts(chain, measured);
  const { shifts } = spacing;
  const { onDragOver, onDrop } = useDrop(shifts);
  const chainNodes = useMemo(() => {
    if (!chain) return NO_NODES;
    const flowNodes = chainNodesToFlow(chain, { selectedIds, measured });
    return shifts.size ? flowNodes.map((node) => shifted(node, shifts.get(node.id))) : flowNodes;
  }, [chain, selectedIds, measured, shifts]);
  // A drag frame is drawn straight in React Flow's store (drawLivePositions): the canvas re-renders
  // when a drag starts and ends, not per frame. If anything else re-renders it meanwhile, the cards
  // being dragged keep their live positions.
  const isDragging = useLiveDrag((state) => state.positions.size > 0);
  const nodes = useMemo(() => (isDragging ? withLivePositions(chainNodes, useLiveDrag.getState().positions) : chainNodes), [chainNodes, isDragging]);
  // A drag changes the chain's nodes only: the links keep their array (see chainEdgesToFlow).
  const chainEdges = chain?.edges;
  const flowEdges = useMemo(() => (chainEdges ? chainEdgesToFlow(chainEdges, { selectedIds }) : NO_EDGES), [chainEdges, selectedIds]);
  const edges = useEdgeAriaLabels(flowEdges, useChainEditor((state) => state.content));
  const toStored = useCallback((id: string, position: Position) => storedPosition(position, shifts.get(id)), [shifts]);
  const flowStore = useStoreApi<FlowNode, FlowEdge>();
  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => applyCanvasNodeChanges(changes, toStored, flowStore), [toStored, flowStore]);
  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => useChainEditor.getState().applyEdgeChanges(changes), []);
  const onConnect = useCallback((connection: Connection) => void connectNodes(connectionOf(connection)), []);
  const isValidConnection = useCallback<IsValidConnection<FlowEdge>>((connection) => {
    const current = useChainEditor.getState().chain;
    return !!current && connectionProblem(current, connectionOf(connection as Connection)) === null;
  }, []);
  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    const current = useChainEditor.getState().chain;
    const targetId = state.toNode?.id ?? nodeUnderPointer(event);
    if (!current || state.isValid || !state.fromNode || !targetId) return;
    const problem = connectionProblem(current, { source: state.fromNode.id, sourcePort: state.fromHandle?.id ?? '', target: targetId });
    if (problem) useChainEditor.getState().say(refusal(problem), 'warning');
  }, []);
  const { onDragStart, onDragStop } = spacing;
  useEffect(() => () => useLiveDrag.getState().clear(), []);
  const onNodeDragStart = useCallback(() => {
    useChainEditor.getState().beginDrag();
    onDragStart();
  }, [onDragStart]);
  const onNodeDragStop = useCallback(() => {
    settleLiveDrag(toStored);
    onDragStop();
  }, [toStored, onDragStop]);
  const nodeCount = chain?.nodes.length ?? 0;
  const zoomClass = useStore(canvasZoomClass);
  const canvasRef = useRef<HTMLDivElement>(null);
  return (
    <Box ref={canvasRef} sx={CANVAS_SX} data-testid="chain-canvas" className={zoomClass}>
      <CanvasTextContext.Provider value={canvasText}>
        <ReactFlow<FlowNode, FlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onNodeDragStart={onNodeDragStart}
          onSelectionDragStart={onNodeDragStart}
          onNodeDragStop={onNodeDragStop}
          onSelectionDragStop={onNodeDragStop}
          onDragOver={onDragOver}
          onDrop={onDrop}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECTION_KEYS}
          onlyRenderVisibleElements={nodeCount >= VISIBLE_ONLY_FROM}
          fitView
          fitViewOptions={FIT_VIEW_OPTIONS}
          minZoom={0.1}
          maxZoom={2}
          ariaLabelConfig={ariaLabels}
          proOptions={PRO_OPTIONS}
          aria-label={t('chains.editor.canvas')}
        >
          <CanvasControls nodeCount={nodeCount} canvasRef={canvasRef} />
        </ReactFlow>
      </CanvasTextContext.Provider>
      {nodeCount === 0 && (
        <Typography color="text.secondary" sx={{ position: 'absolute', top: '40%', left: 0, right: 0, textAlign: 'center', pointerEvents: 'none' }}>{t('chains.editor.emptyCanvas')}</Typography>
      )}
    </Box>
  );
}
