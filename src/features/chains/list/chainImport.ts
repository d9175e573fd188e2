import { parseChainFileText, type Chain } from '../../../domain/chains';
import type { LocalizedText } from '../../../domain/text';

/** A chain file larger than this is refused before it is read (the model caps a chain at 5 000 nodes). */
export const MAX_CHAIN_FILE_BYTES = 20 * 1024 * 1024;

export type ChainImport =
  | { ok: true; chain: Chain; repairs: LocalizedText[] }
  | { ok: false; reason: 'refused'; message: LocalizedText }
  | { ok: false; reason: 'setAside'; count: number; reasons: LocalizedText[] };

/**
 * Reads a chain file for import. A foreign or broken file, or one with parts that cannot be
 * understood, is refused whole (nothing is created); repairs are reported with the new chain.
 * The chain gets `id` (the workspace's other chains keep theirs).
 */
export function readChainImport(text: string, id: string): ChainImport {
  const result = parseChainFileText(text);
  if (!result.ok) return { ok: false, reason: 'refused', message: result.message };
  if (result.setAside.length) return { ok: false, reason: 'setAside', count: result.setAside.length, reasons: result.setAside.slice(0, 3).map((item) => item.reason) };
  return { ok: true, chain: { ...result.chain, id }, repairs: result.repairs.map((item) => item.message) };
}
