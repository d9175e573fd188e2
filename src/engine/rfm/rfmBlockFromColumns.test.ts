import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { columnSession, importText, planImport, sessionColumns, type PlanInput } from '../../domain';
import { rfmBlockFromEvents } from '../../domain/rfm';
import { rfmBlockFromColumns } from './rfmScores';

/** `chainlab rfm` builds its block from columns: it must be the block the CrmEvent records give, customer numbering included. */
const FIXTURE = fileURLToPath(new URL('../../domain/rfm/testdata/rfm_data_orders.csv', import.meta.url));

function bothBlocks(text: string, input: Omit<PlanInput, 'head' | 'isWholeFile' | 'sourceName'> = {}) {
  const full = { sourceName: 'orders.csv', kind: 'orders' as const, now: Date.parse('2026-06-01T00:00:00Z'), ...input };
  const records = importText(text, full);
  const bytes = new TextEncoder().encode(text);
  const session = columnSession(planImport({ ...full, head: bytes, isWholeFile: true }));
  session.pushText(text);
  return { fromColumns: rfmBlockFromColumns(sessionColumns(session)), fromEvents: rfmBlockFromEvents(records.events, records.customers.map((customer) => customer.id)) };
}

describe('rfmBlockFromColumns', () => {
  it('equals rfmBlockFromEvents on the R package sample orders', () => {
    const { fromColumns, fromEvents } = bothBlocks(readFileSync(FIXTURE, 'utf8'));
    expect(fromColumns.block.count).toBeGreaterThan(4_000);
    expect(fromColumns).toEqual(fromEvents);
  });

  it('numbers customers as the records path does: e-mail stand-ins renamed, cancelled-only customers included', () => {
    const text = [
      'order_id,customer_id,email,order_date,amount,status',
      '1,C9,,2025-01-01,10,',
      '2,C2,c2@x.ru,2025-01-02,-4,',
      '3,C5,,2025-01-03,7,cancelled',
      '4,,c7@x.ru,2025-01-04,3,',
      '5,C7,c7@x.ru,2025-01-05,3,',
      '6,C9,,2025-01-06,abc,',
      '1,C9,,2025-01-01,10,',
    ].join('\n');
    const { fromColumns, fromEvents } = bothBlocks(text);
    expect(fromColumns).toEqual(fromEvents);
    // with an e-mail column every customer has profile data: numbered in the order first seen
    expect(fromColumns.customerIds).toEqual(['C9', 'C2', 'C5', 'C7']);
    const withoutProfiles = bothBlocks(['order_id,customer_id,order_date,amount,status', '1,C9,2025-01-01,10,', '2,C5,2025-01-03,7,cancelled', '3,C2,2025-01-02,-4,', '4,C5,2025-01-04,1,'].join('\n'));
    expect(withoutProfiles.fromColumns).toEqual(withoutProfiles.fromEvents);
    expect(withoutProfiles.fromColumns.customerIds).toEqual(['C9', 'C5', 'C2']);
    expect(Array.from(withoutProfiles.fromColumns.block.customer)).toEqual([0, 2, 1]);
  });
});
