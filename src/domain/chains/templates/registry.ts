import type { TextLanguage } from '../../text';
import type { Chain } from '../types';
import { abandonedCart, abandonedCartSplit, browseAbandonment } from './carts';
import { birthday, postPurchaseCrossSell, reactivation } from './retention';
import { oneOffPromo, vipChampions, winBackAtRisk } from './segments';
import type { ChainTemplate, TemplateOptions } from './types';
import { welcomeSeries } from './welcome';

/** Every built-in template, in the order the gallery shows them (the customer's journey, start to end). */
export const CHAIN_TEMPLATES: readonly ChainTemplate[] = [
  welcomeSeries,
  browseAbandonment,
  abandonedCart,
  abandonedCartSplit,
  postPurchaseCrossSell,
  birthday,
  reactivation,
  winBackAtRisk,
  vipChampions,
  oneOffPromo,
];

export function findTemplate(id: string): ChainTemplate | undefined {
  return CHAIN_TEMPLATES.find((template) => template.id === id);
}

/** The template's chain in one language; throws on an unknown id (the ids are constants of the app). */
export function buildTemplate(id: string, options: TemplateOptions | TextLanguage): Chain {
  const template = findTemplate(id);
  if (!template) throw new Error(`unknown chain template "${id}"`);
  return template.build(typeof options === 'string' ? { language: options } : options);
}
