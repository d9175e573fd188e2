import type { AriaLabelConfig } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chain } from '../../../domain/chains';
import type { FlowEdge } from './flowGraph';

/** React Flow's own screen-reader texts in the interface language. */
export function useAriaLabels(): Partial<AriaLabelConfig> {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('chains.a11y.node'),
      'node.a11yDescription.keyboardDisabled': t('chains.a11y.node'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) => t('chains.a11y.moved', { direction, x, y }),
      'edge.a11yDescription.default': t('chains.a11y.edge'),
      'controls.ariaLabel': t('chains.a11y.controls'),
      'controls.zoomIn.ariaLabel': t('chains.a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('chains.a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('chains.editor.fitView'),
      'controls.interactive.ariaLabel': t('chains.a11y.interactive'),
      'minimap.ariaLabel': t('chains.a11y.minimap'),
      'handle.ariaLabel': t('chains.a11y.handle'),
    }),
    // i18n.language re-creates the texts when the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  );
}

const LABELED_EDGES = new WeakMap<FlowEdge, FlowEdge>();

/**
 * The links as screen readers name them, in the interface language ("Link: Timer “Wait 3
 * days” → Message"), instead of React Flow's English "Edge from n1 to n2". A labelled copy is
 * kept per flow edge (they are cached per domain edge), so a drag does not re-create them.
 */
export function useEdgeAriaLabels(edges: FlowEdge[], content: Chain | null): FlowEdge[] {
  const { t, i18n } = useTranslation();
  // Names depend only on the nodes' kinds and labels, and the links on `content`, which does not
  // change while nodes are dragged or selected: the texts are made once per content, not per
  // selection (a click would otherwise translate 300 names).
  const labelOf = useMemo(() => {
    const names = new Map(content?.nodes.map((node) => [node.id, node.label ? `${t(`chains.kinds.${node.kind}`)} «${node.label}»` : t(`chains.kinds.${node.kind}`)]) ?? []);
    const nameOf = (id: string) => names.get(id) ?? id;
    const labelFor = (source: string, target: string) => t('chains.a11y.link', { from: nameOf(source), to: nameOf(target) });
    const labels = new Map(content?.edges.map((edge) => [edge.id, { source: edge.source, target: edge.target, label: labelFor(edge.source, edge.target) }]) ?? []);
    return (edge: FlowEdge) => {
      const known = labels.get(edge.id);
      return known?.source === edge.source && known.target === edge.target ? known.label : labelFor(edge.source, edge.target);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [content, t, i18n.language]);
  return useMemo(
    () =>
      edges.map((edge) => {
        const ariaLabel = labelOf(edge);
        const known = LABELED_EDGES.get(edge);
        if (known?.ariaLabel === ariaLabel) return known;
        const next = { ...edge, ariaLabel };
        LABELED_EDGES.set(edge, next);
        return next;
      }),
    [edges, labelOf],
  );
}
