export interface StorageStatus {
  usage: number | null;
  quota: number | null;
  isPersistent: boolean | null;
}

/** What the browser says about ChainLab's storage; nulls where the browser does not tell. */
export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.estimate) return { usage: null, quota: null, isPersistent: null };
  const [estimate, isPersistent] = await Promise.all([storage.estimate(), storage.persisted?.() ?? Promise.resolve(null)]);
  return { usage: estimate.usage ?? null, quota: estimate.quota ?? null, isPersistent };
}

/** Asks the browser not to evict ChainLab's data under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  return (await navigator.storage?.persist?.()) ?? false;
}
