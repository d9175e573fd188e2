/** Data read from a file or storage before it is migrated and validated. */
export type RawChain = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
