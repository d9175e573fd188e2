import { describe, expect, it } from 'vitest';
import { isCancelled } from '../cancel';
import type { Dataset, EnginePort, ResultCache } from '../port';
import { createQualityHandlers } from './qualityHandlers';

const EMPTY: Dataset = { customers: [], events: [], eventTypes: [] };
const REQUEST = { workspaceId: 'w1', dataVersion: 1, timeZone: 'UTC', today: '2026-12-05' };

function portWith(loadDataset: () => Promise<Dataset>, stored: unknown[]): EnginePort {
  const cache: ResultCache = { get: async () => undefined, put: async (_key, value) => void stored.push(value) };
  return { loadDataset, loadCustomers: async () => [], cache };
}

describe('quality handler', () => {
  it('computes and caches the report of the loaded data', async () => {
    const stored: unknown[] = [];
    const report = await createQualityHandlers(portWith(async () => EMPTY, stored)).quality(REQUEST, { progress: () => {}, signal: new AbortController().signal });
    expect(report.customers).toBe(0);
    expect(stored).toEqual([report]);
  });

  it('stops without scanning or caching when cancelled while the data loads', async () => {
    const stored: unknown[] = [];
    const controller = new AbortController();
    const phases: (string | undefined)[] = [];
    const loading = async () => {
      controller.abort();
      return EMPTY;
    };
    const outcome = createQualityHandlers(portWith(loading, stored)).quality(REQUEST, { progress: (update) => phases.push(update.phase), signal: controller.signal });
    await expect(outcome).rejects.toSatisfy(isCancelled);
    expect(phases).toEqual(['load']);
    expect(stored).toEqual([]);
  });
});
