import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/testing/testDatabase';
import { createWorkspace, getWorkspace, type ChainLabDatabase } from '../db';
import { createDexieImportStore, createDexiePort } from '../db/enginePort';
import { defaultInactionSettings, defaultLifecycleSettings, defaultStageMapping } from '../domain/journey';
import { defaultRfmSettings, NO_PURCHASES_NAME, OTHERS_NAME, presetSegmentMap } from '../domain/rfm';
import { formatEpochDay } from '../domain/time';
import { bytesSource } from '../engine/import/readSource';
import { createJourneyHandlers } from '../engine/journey/journeyHandlers';
import { createRfmHandlers } from '../engine/rfm/rfmHandlers';
import { quietContext } from '../engine';
import { chainlabIn } from './testing/chainlabProcess';

/**
 * The same files give the same RFM and journey stages in the app and on the command line: the
 * app's path is the import into a (fake) IndexedDB workspace and the Web Workers' handlers over
 * the Dexie port, in Node; the command line's is `chainlab` in a child process.
 */
const work = mkdtempSync(join(tmpdir(), 'chainlab-parity-'));
const chainlab = chainlabIn(work);
const TIME_ZONE = 'Europe/Moscow';
let db: ChainLabDatabase;

beforeAll(async () => {
  expect((await chainlab('demo', '--customers', '600', '--seed', '23', '--out', '.')).status).toBe(0);
  db = createTestDatabase();
});

afterAll(async () => {
  await db.delete();
  rmSync(work, { recursive: true, force: true });
});

/** A workspace holding the files, imported as the app imports them. */
async function workspaceOf(name: string, files: string[]) {
  const { id } = await createWorkspace(db, { name, timeZone: TIME_ZONE });
  const store = createDexieImportStore(() => db);
  for (const file of files) {
    const { report } = await store.runImport(id, bytesSource(file, new Uint8Array(readFileSync(join(work, file)))), { timeZone: TIME_ZONE }, {});
    expect(report.rejected).toBe(0);
  }
  return (await getWorkspace(db, id))!;
}

async function cliJson(...args: string[]) {
  const result = await chainlab(...args, '--tz', TIME_ZONE, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

function round15(value: number): number {
  return Number(value.toPrecision(15));
}

describe('the app engine and chainlab on the same files', () => {
  it('give the same RFM scores and segments', async () => {
    const workspace = await workspaceOf('RFM', ['orders.csv']);
    const map = presetSegmentMap('grid', 5, 'en');
    const request = { workspaceId: workspace.id, dataVersion: workspace.dataVersion, timeZone: TIME_ZONE, settings: defaultRfmSettings(), map };
    const app = await createRfmHandlers(createDexiePort(() => db)).rfmSummary(request, quietContext());
    const cli = await cliJson('rfm', '--orders', 'orders.csv');

    expect(cli.asOf).toBe(formatEpochDay(app.params.asOfDay));
    expect(cli.periodDays).toBe(app.params.periodDays);
    expect({ customers: cli.customers, scored: cli.scored }).toEqual({ customers: app.customers, scored: app.scored });
    expect(cli.breaks).toEqual({
      recency: app.breaks.recency.cuts.map(round15),
      frequency: app.breaks.frequency.cuts.map(round15),
      monetary: app.breaks.monetary.cuts.map(round15),
    });
    const names = [...map.segments.map((segment) => segment.name), OTHERS_NAME.en, NO_PURCHASES_NAME.en];
    const appSegments = app.segments.map((total) => ({ segment: names[total.code], customers: total.customers, revenue: round15(total.revenue), orders: total.orders }));
    expect(cli.segments).toEqual(appSegments);
    expect(app.scored).toBeGreaterThan(100);
  });

  it('give the same journey funnel and lifecycle counts', async () => {
    const workspace = await workspaceOf('Stages', ['orders.csv', 'events.csv']);
    const settings = { mapping: defaultStageMapping(), lifecycle: defaultLifecycleSettings(), inaction: defaultInactionSettings() };
    const request = { workspaceId: workspace.id, dataVersion: workspace.dataVersion, timeZone: TIME_ZONE, settings, asOfDate: null, unit: 'month' as const };
    const app = await createJourneyHandlers(createDexiePort(() => db)).overview(request, quietContext());
    const cli = await cliJson('stages', '--orders', 'orders.csv', '--events', 'events.csv');

    expect(cli.asOf).toBe(app.asOfDate);
    expect(cli.customers).toBe(app.funnel!.customers);
    expect(cli.withoutStage).toBe(app.funnel!.withoutStage);
    expect(cli.lifecycle).toEqual(app.lifecycle);
    const days = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? null : Math.round(value * 100) / 100);
    expect(cli.funnel).toEqual(
      app.funnel!.stages.map((stage) =>
        expect.objectContaining({
          stage: stage.stageId,
          reached: stage.reached,
          furthest: stage.furthest,
          medianDaysFromPrevious: days(stage.daysFromPrevious?.median),
          q1DaysFromPrevious: days(stage.daysFromPrevious?.q1),
          q3DaysFromPrevious: days(stage.daysFromPrevious?.q3),
        }),
      ),
    );
    expect(app.funnel!.stages.at(-2)!.reached).toBeGreaterThan(10);
  });
});
