import { useLiveQuery } from '../../db/react';
import { useEffect, useState } from 'react';
import { cachedDataCurrency, getDatabase, loadCurrencySetting, type StoredCurrency } from '../../db';
import { resolveWorkspaceCurrency, type Workspace, type WorkspaceCurrency } from '../../domain';
import { useAppStore } from '../../store/appStore';
import { engineWorker } from '../../workers/engineClient';
import { useActiveWorkspace } from '../workspaces/useWorkspaces';

/**
 * The data's currency for this data version: the cached answer when there is one (a small read),
 * else worked out by the data worker, which reads every event block — ~200 ms of decoding on
 * 100,000 customers that must not block the page (the first screen after an import, a run).
 */
export async function dataCurrencyGuess(workspaceId: string, dataVersion: number): Promise<string | null> {
  const cached = await cachedDataCurrency(getDatabase(), workspaceId, dataVersion);
  if (cached) return cached.code;
  return engineWorker('data').call('guessDataCurrency', { workspaceId, dataVersion });
}

function browserLocales(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
}

/** The workspace's currency: the stored choice, else the guess (data, demo, locale). */
export function useWorkspaceCurrency(workspace: Workspace | undefined): { currency: WorkspaceCurrency; stored: StoredCurrency | undefined; dataGuess: string | null } | undefined {
  const workspaceId = workspace?.id;
  const dataVersion = workspace?.dataVersion;
  const stored = useLiveQuery(async () => (workspaceId ? { workspaceId, value: await loadCurrencySetting(getDatabase(), workspaceId) } : undefined), [workspaceId]);
  const [guess, setGuess] = useState<{ key: string; code: string | null } | null>(null);
  const guessKey = `${workspaceId}:${dataVersion}`;
  useEffect(() => {
    if (!workspaceId || dataVersion === undefined) return;
    let isCurrent = true;
    // The blocks are read once per data version (cached), in the data worker; a failure only loses the guess.
    dataCurrencyGuess(workspaceId, dataVersion)
      .catch(() => null)
      .then((code) => isCurrent && setGuess({ key: `${workspaceId}:${dataVersion}`, code }));
    return () => {
      isCurrent = false;
    };
  }, [workspaceId, dataVersion]);
  if (!workspace || !stored || stored.workspaceId !== workspaceId) return undefined;
  // Without a stored choice, wait for the data's answer rather than show another currency first.
  if (!stored.value.setting && guess?.key !== guessKey) return undefined;
  const dataGuess = guess?.key === guessKey ? guess.code : null;
  const currency = resolveWorkspaceCurrency({ setting: stored.value.setting, dataGuess, isDemo: workspace.isDemo, locales: browserLocales() });
  return { currency, stored: stored.value, dataGuess };
}

/**
 * Keeps the formatter's currency and time zone on the active workspace's (mounted once, in the
 * app shell), so every `useFormat()` shows money in the workspace currency.
 */
export function useWorkspaceDisplaySync(): void {
  const workspace = useActiveWorkspace();
  const answer = useWorkspaceCurrency(workspace);
  const setDisplay = useAppStore((state) => state.setDisplay);
  const code = answer?.currency.code;
  const source = answer?.currency.source;
  const timeZone = workspace?.timeZone;
  useEffect(() => {
    if (code && source && timeZone) setDisplay({ currency: { code, source }, timeZone });
  }, [code, source, timeZone, setDisplay]);
}
