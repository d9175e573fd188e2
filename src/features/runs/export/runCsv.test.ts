import { describe, expect, it } from 'vitest';
import { workedExampleChain } from '../../../domain/chains/testing';
import { reportOfRun } from '../results/resultsModel';
import { workedExampleRun } from '../results/testing';
import { customerCsv, dayCsv, exportFileName, nodeCsv } from './runCsv';

function parse(text: string): string[][] {
  return text.trimEnd().split('\n').map((line) => line.split(','));
}

describe('the CSV exports of a run', () => {
  const report = reportOfRun(workedExampleRun())!;

  it('has one row per node with the worked example’s counts', () => {
    const [header, ...rows] = parse(nodeCsv(report, [workedExampleChain()]));
    expect(header).toEqual(['chain_id', 'chain', 'node_id', 'node', 'kind', 'entered', 'left', 'waiting', 'ended', 'ended_by_goal', 'sent_email', 'sent_sms', 'suppressed_no_consent', 'suppressed_re_entry', 'withheld', 'conversions', 'revenue']);
    const email = Object.fromEntries(header!.map((column, i) => [column, rows.find((row) => row[2] === 'email')![i]]));
    expect(email).toMatchObject({ kind: 'message', entered: '2', left: 'out=2', sent_email: '1', sent_sms: '0', suppressed_no_consent: '1' });
    expect(rows).toHaveLength(Object.keys(report.chains[0]!.nodes).length);
  });

  it('has one row per day; money unrounded in currency units', () => {
    const [header, ...rows] = parse(dayCsv(report));
    expect(header).toEqual(['date', 'entries', 'messages_email', 'messages_sms', 'messages', 'suppressed', 'conversions', 'revenue', 'cost']);
    const day = rows.find((row) => row[0] === '2025-03-04')!;
    expect(day.slice(2, 5)).toEqual(['1', '1', '2']);
    expect(day[8]).toBe('3.5');
    expect(rows.find((row) => row[0] === '2025-03-03')![1]).toBe('3');
  });

  it('names projected columns apart, only when the run projected', () => {
    expect(dayCsv(reportOfRun(workedExampleRun({ projection: true }))!).split('\n')[0]).toMatch(/,projected_conversions,projected_revenue$/);
  });

  it('neutralises a formula in a name the user typed', () => {
    const chain = { ...workedExampleChain(), name: '=HYPERLINK("x")' };
    const record = workedExampleRun();
    record.sums!.chains[0]!.name = chain.name;
    expect(nodeCsv(reportOfRun(record)!, [chain])).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes each customer\'s path with the node names, in order', () => {
    const chain = workedExampleChain();
    const email = chain.nodes.find((node) => node.id === 'email')!;
    const text = customerCsv([{ customerId: 'B', chainId: chain.id, group: 'treatment', from: Date.parse('2025-03-03T18:30:00Z'), to: Date.parse('2025-03-05T06:00:00Z'), steps: ['trigger:entered', 'email:sent', 'ghost:exit'], sent: 1, suppressed: 0 }], [chain]);
    const [header, row] = text.trimEnd().split('\n');
    expect(header).toBe('customer_id,chain_id,chain,group,first_step_utc,last_step_utc,sent,suppressed,path');
    expect(row).toContain('B,');
    expect(row).toContain('2025-03-03T18:30:00');
    expect(row).toContain(`(entered) → ${email.label || 'email'} (sent) → ghost (exit)`);
  });

  it('makes a file name of any script', () => {
    expect(exportFileName('Брошенная корзина: март', 'nodes', 'csv')).toBe('Брошенная-корзина-март-nodes.csv');
    expect(exportFileName('***', 'days', 'csv')).toBe('run-days.csv');
  });
});
