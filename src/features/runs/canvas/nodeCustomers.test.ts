import { describe, expect, it } from 'vitest';
import { createNode } from '../../../domain/chains';
import { nodeFigures } from '../../../domain/runs/testing';
import { nodeCollections, nodeCustomersCsv, nodeCustomersFileName, searchIds } from './nodeCustomers';

describe('a node’s customers', () => {
  it('offer the figures the node has, with the run’s counts', () => {
    const message = createNode('message', 'm1', { x: 0, y: 0 });
    const figures = nodeFigures({ entered: 10, sent: { email: 6 }, suppressed: { no_consent: 4 } });
    expect(nodeCollections(message, figures)).toEqual([
      { what: 'entered', count: 10 },
      { what: 'sent', count: 6 },
      { what: 'suppressed', count: 4 },
    ]);
    const timer = createNode('timer', 't1', { x: 0, y: 0 });
    expect(nodeCollections(timer, nodeFigures({ entered: 5, waiting: 2, ended: 0 })).map((item) => item.what)).toEqual(['entered', 'waiting']);
    expect(nodeCollections(message, nodeFigures({ entered: 3, withheld: { control: 1 } })).map((item) => item.what)).toEqual(['entered', 'sent', 'withheld']);
  });

  it('are searched by every word, case- and ё-insensitive, in their order', () => {
    const ids = ['C-100', 'c-200', 'Фёдор-1', 'x-100'];
    expect(searchIds(ids, '100')).toEqual(['C-100', 'x-100']);
    expect(searchIds(ids, 'c 00')).toEqual(['C-100', 'c-200']);
    expect(searchIds(ids, 'федор')).toEqual(['Фёдор-1']);
    expect(searchIds(ids, '  ')).toEqual(ids);
  });

  it('export as CSV with a formula in an id neutralised', () => {
    const csv = nodeCustomersCsv(['c1', '=HYPERLINK("x")'], { runId: 'run-1', chainId: 'ch', nodeId: 'm1', what: 'sent' });
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('customer_id,run_id,chain_id,node_id,figure');
    expect(lines[1]).toBe('c1,run-1,ch,m1,sent');
    expect(lines[2]!.startsWith('"\'=HYPERLINK') || lines[2]!.startsWith("'=HYPERLINK")).toBe(true);
    expect(nodeCustomersFileName('m1', 'sent', 'run-abc-1')).toBe('customers-m1-sent-run-abc-1.csv');
  });
});
