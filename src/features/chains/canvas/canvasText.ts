import type { TFunction } from 'i18next';
import { createContext, useContext } from 'react';
import type { Language } from '../../../i18n/i18n';

/**
 * The interface language and its `t` for everything drawn on the canvas, given once by
 * ChainCanvas. The cards, links and "+" buttons read it from here instead of each calling
 * `useTranslation`: on a 300-node chain that was ~3000 hook instances, each subscribing to
 * i18next and copying its instance on mount (~150 ms of opening the chain).
 */
export interface CanvasText {
  t: TFunction;
  language: Language;
}

export const CanvasTextContext = createContext<CanvasText | null>(null);

export function useCanvasText(): CanvasText {
  const text = useContext(CanvasTextContext);
  if (!text) throw new Error('useCanvasText: outside ChainCanvas');
  return text;
}
