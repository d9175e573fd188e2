import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { useChainEditor } from './editorStore';
import { FIGURES_FIT_FLOOR, fitViewport, type Box } from './fitView';

/** Room around the chain when it is fitted, as a share of its size. */
export const FIT_PADDING = 0.2;
/** A fit never zooms in past this: a two-card chain stays at about its real size. */
export const FIT_MAX_ZOOM = 1.1;

/**
 * "Fit to screen" (the canvas's control, the toolbar's button, Shift+F): the whole chain, except
 * while a run's figures are on the cards — then the zoom stops at `FIGURES_FIT_FLOOR`, where the
 * figures can be read, and a chain that does not fit shows from its start (`fitViewport`).
 */
export function useFitChain(): (duration?: number) => void {
  const store = useStoreApi();
  const { setViewport } = useReactFlow();
  return useCallback(
    (duration = 200) => {
      const { nodeLookup, width, height, minZoom, maxZoom } = store.getState();
      const boxes: Box[] = [];
      for (const node of nodeLookup.values()) {
        if (node.hidden) continue;
        const { x, y } = node.internals.positionAbsolute;
        boxes.push({ x, y, width: node.measured.width ?? node.width ?? 0, height: node.measured.height ?? node.height ?? 0 });
      }
      const hasFigures = useChainEditor.getState().overlay !== null;
      const viewport = fitViewport(boxes, { width, height }, { padding: FIT_PADDING, minZoom, maxZoom: Math.min(maxZoom, FIT_MAX_ZOOM), floor: hasFigures ? FIGURES_FIT_FLOOR : minZoom });
      if (viewport) void setViewport(viewport, { duration });
    },
    [store, setViewport],
  );
}
