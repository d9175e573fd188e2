import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo, useCallback } from 'react';
import type { NodeKind } from '../../../domain/chains';
import { useCanvasText } from './canvasText';
import { insertableKinds } from './chainEdits';
import { insertNodeOnEdge } from './editorActions';
import { useChainEditor } from './editorStore';
import type { FlowEdge } from './flowGraph';
import { InsertMenu } from './InsertMenu';

const BASE_WIDTH = 1.5;
const MAX_EXTRA_WIDTH = 8;
/** One array for every link, so a link's "+" (memoised) does not re-render while its ends are dragged. */
const EDGE_KINDS = insertableKinds('edge');

/** A link with a "+" in its middle; a run's overlay adds a label and thickness, a path highlight dims the rest. */
function ChainEdgeViewBase({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, selected }: EdgeProps<FlowEdge>) {
  const { t } = useCanvasText();
  const overlay = useChainEditor((state) => state.overlay?.edges[id]);
  const isDimmed = useChainEditor((state) => state.highlight !== null && !state.highlight.edgeIds.has(id));
  const isCurrent = useChainEditor((state) => state.highlight?.currentEdgeId === id);
  const onPick = useCallback((kind: NodeKind) => insertNodeOnEdge(id, kind), [id]);
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10 });
  const width = overlay?.width ?? BASE_WIDTH + (overlay ? Math.max(0, Math.min(1, overlay.weight)) * MAX_EXTRA_WIDTH : 0);
  const stroke = selected ? '#1976d2' : isCurrent ? '#b26a00' : '#8a93a8';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={{ strokeWidth: selected || isCurrent ? width + 1 : width, stroke, opacity: isDimmed ? 0.25 : 1 }} />
      <EdgeLabelRenderer>
        <div className={['cl-edge-label', isDimmed && 'cl-edge-label--dimmed', overlay && 'cl-edge-label--figures', 'nodrag nopan'].filter(Boolean).join(' ')} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
          <InsertMenu kinds={EDGE_KINDS} label={t('chains.editor.insertHere')} testId={`edge-plus-${id}`} onPick={onPick} />
          {overlay && <span className="cl-edge-overlay" data-testid="edge-overlay" data-edge-id={id} data-width={overlay.width} title={overlay.title} aria-label={overlay.title}>{overlay.label}</span>}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const ChainEdgeView = memo(ChainEdgeViewBase);
