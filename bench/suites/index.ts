import type { BenchSuite } from '../harness';
import { coldStartSuite, storeSuite } from './browserFoundation';
import { chainModelSuite } from './chainModel';
import { customersTableSuite } from './customersTable';
import { demoGeneratorSuite } from './demoGenerator';
import { importSuite } from './import';
import { importExportsSuite } from './importExports';
import { importLargeSuite } from './importLarge';
import { stagesSuite } from './stages';
import { rfmSuite } from './rfm';
import { runsSuite } from './runs';
import { simulateSuite } from './simulate';
import { chainsSuite } from './chains';
import { metricsSuite } from './metrics';
import { audiencesSuite } from './audiences';
import { workspaceFileSuite } from './workspaceFile';

/** Every suite `npm run bench` runs, in order. Features add theirs here. */
export const SUITES: readonly BenchSuite[] = [demoGeneratorSuite, coldStartSuite, storeSuite, customersTableSuite, stagesSuite, rfmSuite, importSuite, importExportsSuite, importLargeSuite, chainModelSuite, metricsSuite, chainsSuite, simulateSuite, audiencesSuite, runsSuite, workspaceFileSuite];
