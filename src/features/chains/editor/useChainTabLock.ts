import { useEffect, useState } from 'react';
import { writesSettled } from '../../appUpdate/pendingSaves';

/**
 * Whether this tab may edit the chain: `held` (it edits), `elsewhere` (another tab edits it; this
 * one shows it read-only and waits for its turn), `pending` while asking.
 */
export type ChainTabLock = 'pending' | 'held' | 'elsewhere';

/** The Web Lock a tab holds while its editor has the chain open. */
export function chainLockName(chainId: string): string {
  return `chainlab-chain-editor:${chainId}`;
}

/**
 * Two tabs editing one chain would each autosave their own copy over the other's. So a chain is
 * edited in one tab at a time, through a Web Lock held while the editor is open: a second tab
 * gets `elsewhere`, queues for the lock, and gets `held` when the first tab closes the chain (or
 * the tab itself). The lock is handed on only after the closing editor's last autosave is stored,
 * so the next tab opens what the first one saw. A browser without Web Locks edits as before.
 */
export function useChainTabLock(chainId: string): ChainTabLock {
  const [lock, setLock] = useState<{ chainId: string; state: ChainTabLock }>({ chainId, state: 'pending' });
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  useEffect(() => {
    if (!locks) return;
    const stopWaiting = new AbortController();
    let releaseLock: () => void = () => {};
    const untilReleased = new Promise<void>((resolve) => (releaseLock = resolve));
    const hold = () => {
      setLock({ chainId, state: 'held' });
      return untilReleased;
    };
    const name = chainLockName(chainId);
    void locks.request(name, { ifAvailable: true }, (granted) => {
      if (granted) return hold();
      setLock({ chainId, state: 'elsewhere' });
      locks.request(name, { signal: stopWaiting.signal }, hold).catch(() => {
        // aborted: the chain was closed here while it waited
      });
      return undefined;
    });
    return () => {
      stopWaiting.abort();
      // after this commit's clean-ups: the editor's closing save has started by then
      void Promise.resolve()
        .then(writesSettled)
        .then(releaseLock);
    };
  }, [chainId, locks]);
  if (!locks) return 'held';
  return lock.chainId === chainId ? lock.state : 'pending';
}
