import type { LocalizedText, TextLanguage } from '../../text';
import type { Chain } from '../types';

/**
 * A built-in chain template from the textbook (shared/seeds, mostly 002). `build` makes a
 * complete, valid chain in one language: its texts, its journey stage, and a description that
 * names the textbook rule it follows. Event types are the default vocabulary's; match them to a
 * workspace with `matchTemplateEventTypes`.
 */
export interface TemplateOptions {
  language: TextLanguage;
  /** the new chain's id; default: the template id */
  chainId?: string;
  /** one-off sends: local 'YYYY-MM-DDTHH:mm' (default DEFAULT_AUDIENCE_AT) */
  audienceAt?: string;
}

export interface ChainTemplate {
  /** kebab-case English, the file name of `chainlab templates` */
  id: string;
  name: LocalizedText;
  /** one line for the gallery */
  summary: LocalizedText;
  /** the journey stage it serves */
  stage: string;
  build(options: TemplateOptions): Chain;
}

/**
 * When a one-off template sends by default: a month before the end of the seeded demo data
 * (2026-10-31), so a replay of the demo's last 90 days includes it. The editor sets it from the
 * workspace's own data.
 */
export const DEFAULT_AUDIENCE_AT = '2026-10-01T11:00';
