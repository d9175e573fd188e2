import { CHAIN_FORMAT_VERSION } from '../../domain/chains';
import { RUN_RECORD_VERSION } from '../../domain/simulation/runRecord';
import { AUDIENCE_VERSION } from '../../domain/audiences/audience';

/**
 * Chains and chain versions are versioned by the chain model itself: rows carry the chain's
 * format `version` (CHAIN_FORMAT_VERSION; a row without one is the foundation's placeholder,
 * version 0) and are read back only through the model's `restoreChain` — numbered migrations,
 * repair, zod validation, parts it cannot understand set aside with the reason, in both
 * languages. The chain repository (repositories/chainRepository.ts) is the one reader; it
 * returns an unreadable row apart with why (the Chains screen lists it) and leaves it in the table.
 */
export const STORED_CHAIN = { what: 'chain', current: CHAIN_FORMAT_VERSION } as const;

/**
 * Saved simulation runs are versioned by the simulation model the same way: the record's own
 * `version` (RUN_RECORD_VERSION), read back only through `restoreRunRecord` (numbered migrations,
 * strict zod validation, the reason in both languages). The runs list shows an unreadable run
 * with its reason and leaves it in the table. No `format` field is stamped on them: the model's
 * strict schema would refuse it, and one version field is enough.
 */
export const STORED_RUN = { what: 'run', current: RUN_RECORD_VERSION } as const;

/**
 * Saved audiences the same way: the record's own `version` (AUDIENCE_VERSION), read back only
 * through `restoreAudience` (numbered migrations, strict zod, the reason in both languages). The
 * Audiences screen lists an unreadable audience apart with its reason and leaves it in the table.
 */
export const STORED_AUDIENCE = { what: 'audience', current: AUDIENCE_VERSION } as const;
