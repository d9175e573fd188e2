import type { AriaLabelConfig } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

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
