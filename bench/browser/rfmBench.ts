import { ChainLabDatabase, createWorkspace, writeDataBatch } from '../../src/db';
import type { CrmEvent, Customer, EventBlock } from '../../src/domain';
import { unknownConsents } from '../../src/domain';
import { assignSegments, compileSegmentMap, computeRfmFromBlocks, defaultRfmSettings, presetSegmentMap, segmentTotals } from '../../src/domain/rfm';
import { formatEpochDay } from '../../src/domain/time';
import { createDexiePort } from '../../src/db/enginePort';
import { RfmEngine } from '../../src/engine/rfm/rfmEngine';
import { readRfmColumns, rfmBlocks } from './rfmColumns';

/** RFM of the benchmark orders (orders.bin served next to the page) in the browser. */
async function fetchColumns(url: string) {
  return readRfmColumns(await (await fetch(url)).arrayBuffer());
}

export interface RfmComputeTimes {
  scored: number;
  scoreSum: number;
  segments: Record<string, number>;
}

let prepared: { blocks: EventBlock[]; customerCount: number } | undefined;

/** Fetches the orders and builds the event blocks once (not timed). */
async function rfmPrepare(url: string, customerCount: number): Promise<number> {
  prepared = { blocks: rfmBlocks(await fetchColumns(url)), customerCount };
  return prepared.blocks.length;
}

/** One run of the same work as in Node: one-pass scan of the blocks, scores, segments, totals. */
function rfmRun(asOfDay: number): RfmComputeTimes & { seconds: number } {
  const { blocks, customerCount } = prepared!;
  const map = presetSegmentMap('rfm-package', 5, 'en');
  const compiled = compileSegmentMap(map);
  const startedAt = performance.now();
  const result = computeRfmFromBlocks(blocks, ['order'], customerCount, 'UTC', { asOfDay, periodDays: null, levels: 5, method: 'quantile', monetary: 'total' });
  const codes = assignSegments(result, compiled);
  const totals = segmentTotals(result, codes, map.segments.length);
  const seconds = (performance.now() - startedAt) / 1000;
  let scoreSum = 0;
  for (let c = 0; c < customerCount; c++) if (result.frequency[c]) scoreSum += result.r[c]! * 100 + result.f[c]! * 10 + result.m[c]!;
  const names = [...map.segments.map((segment) => segment.name), 'Others', 'No purchases'];
  return { seconds, scored: result.scored, scoreSum, segments: Object.fromEntries(totals.filter((t) => t.customers).map((t) => [names[t.code]!, t.customers])) };
}

export interface RfmScreenTimes {
  /** fresh worker engine, new settings: read every order from IndexedDB, compute, summarise */
  firstSeconds: number[];
  /** fresh worker engine, same settings: the result comes from the database cache */
  revisitSeconds: number[];
}

/** The Segments screen's path in the worker, on a workspace holding the benchmark orders. */
async function rfmScreen(url: string, customerCount: number, runs: number): Promise<RfmScreenTimes> {
  const columns = await fetchColumns(url);
  const customers: Customer[] = Array.from({ length: customerCount }, (_, i) => ({ id: `C${String(i + 1).padStart(6, '0')}`, consents: unknownConsents(), attrs: {} }));
  const events: CrmEvent[] = Array.from(columns.customer, (c, i) => ({ customerId: customers[c]!.id, type: 'order', ts: columns.ts[i]!, amount: columns.amount[i]!, props: {} }));
  const db = new ChainLabDatabase(`rfm-bench-${Math.random()}`);
  const workspace = await createWorkspace(db, { name: 'bench' });
  await writeDataBatch(db, { workspaceId: workspace.id, sourceName: 'bench', kind: 'demo', customers, events });
  const settings = defaultRfmSettings();
  const request = { workspaceId: workspace.id, dataVersion: 1, timeZone: 'UTC', settings, map: presetSegmentMap('grid', 5, 'en') };
  const lastDay = Math.floor(Math.max(...columns.ts.subarray(columns.ts.length - 1000)) / 86_400_000);
  const firstSeconds: number[] = [];
  const revisitSeconds: number[] = [];
  for (let run = 0; run < runs; run++) {
    const asOf = formatEpochDay(lastDay - run);
    let startedAt = performance.now();
    const engine = new RfmEngine(createDexiePort(() => db));
    await engine.summary({ ...request, settings: { ...settings, asOf } });
    firstSeconds.push((performance.now() - startedAt) / 1000);
    await engine.saved();
    startedAt = performance.now();
    const again = await new RfmEngine(createDexiePort(() => db)).summary({ ...request, settings: { ...settings, asOf } });
    revisitSeconds.push((performance.now() - startedAt) / 1000);
    if (again.source !== 'database') throw new Error(`revisit came from ${again.source}`);
  }
  await db.delete();
  return { firstSeconds, revisitSeconds };
}

export const rfmBenchmarks = { rfmPrepare, rfmRun, rfmScreen };
