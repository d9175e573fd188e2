import { CHAIN_FORMAT_VERSION } from '../../domain/chains';

/**
 * Chains and chain versions are versioned by the chain model itself: rows carry the chain's
 * format `version` (CHAIN_FORMAT_VERSION; a row without one is the foundation's placeholder,
 * version 0) and are read back only through the model's `restoreChain` — numbered migrations,
 * repair, zod validation, parts it cannot understand set aside with the reason, in both
 * languages. The chain repository (repositories/chainRepository.ts) is the one reader; it
 * returns an unreadable row apart with why (the Chains screen lists it) and leaves it in the table.
 */
export const STORED_CHAIN = { what: 'chain', current: CHAIN_FORMAT_VERSION } as const;
