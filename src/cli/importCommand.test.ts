import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chainlabIn, REPO } from './testing/chainlabProcess';

/** `chainlab import` as users run it: the real command in a child process. */
const FIXTURES = join(REPO, 'src/domain/import/fixtures');
const work = mkdtempSync(join(tmpdir(), 'chainlab-import-'));
const chainlab = chainlabIn(work);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ORDERS = [
  'Номер заказа;Код клиента;Дата заказа;Сумма заказа;Комментарий',
  '1;К-1;05.03.2026 10:00;1 990,50;ok',
  '2;К-2;2025-13-45;100;bad date',
  '3;К-1;06.03.2026 11:00;=HYPERLINK("http://x");formula',
  '4;К-3;07.03.2026 12:00;250;"multi',
  'line"',
  '5;К-3;08.03.2026 12:00;-250;refund',
].join('\r\n');

describe('chainlab import', () => {
  it('prints the report as one JSON document in the shape of cli.md', async () => {
    const file = join(work, 'orders.csv');
    writeFileSync(file, ORDERS);
    const result = await chainlab('import', file, '--kind', 'orders', '--json', '--tz', 'Europe/Moscow');
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(report).slice(0, 4)).toEqual(['kind', 'detected', 'mapping', 'unmapped']);
    expect(report).toMatchObject({
      kind: 'orders',
      detected: { encoding: 'utf-8', delimiter: ';', hasHeader: true, dateFormat: 'DD.MM.YYYY HH:mm' },
      mapping: { orderId: 'Номер заказа', customerId: 'Код клиента', ts: 'Дата заказа', amount: 'Сумма заказа' },
      read: 5,
      accepted: 3,
      merged: 0,
      rejected: 2,
      customers: 2,
      rejects: [
        { line: 3, reason: 'Дата заказа: month 13 does not exist in "2025-13-45"' },
        { line: 4, reason: 'Сумма заказа: "=HYPERLINK("http://x")" is not a number' },
      ],
    });
    expect((report.warnings as { line: number }[]).map((w) => w.line)).toEqual([7]);
    expect(result.stderr).toBe('chainlab: warning: 2 of 5 rows rejected (--rejects FILE.csv writes them)\n');
    const again = await chainlab('import', file, '--kind', 'orders', '--json', '--tz', 'Europe/Moscow');
    expect(again.stdout).toBe(result.stdout);
  });

  it('writes normalised records as JSON lines and rejected rows as CSV with formulas neutralised', async () => {
    const file = join(work, 'orders2.csv');
    writeFileSync(file, ORDERS);
    const result = await chainlab('import', file, '--kind', 'orders', '--out', 'out/records.jsonl', '--rejects', 'rejects.csv', '--tz', 'Europe/Moscow');
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/cannot write .*records\.jsonl: ENOENT/);
    const ok = await chainlab('import', file, '--kind', 'orders', '--out', 'records.jsonl', '--rejects', 'rejects.csv', '--tz', 'Europe/Moscow');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('orders, 5 rows read — 3 accepted, 0 merged, 2 rejected');
    const records = readFileSync(join(work, 'records.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toEqual([
      { record: 'event', customerId: 'К-1', type: 'order', ts: '2026-03-05T07:00:00Z', amount: 1990.5, props: { order_id: '1', Комментарий: 'ok' } },
      { record: 'event', customerId: 'К-3', type: 'order', ts: '2026-03-07T09:00:00Z', amount: 250, props: { order_id: '4', Комментарий: 'multi\nline' } },
      { record: 'event', customerId: 'К-3', type: 'return', ts: '2026-03-08T09:00:00Z', amount: 250, props: { order_id: '5', Комментарий: 'refund' } },
    ]);
    expect(readFileSync(join(work, 'rejects.csv'), 'utf8')).toBe(
      'line,reason,Номер заказа,Код клиента,Дата заказа,Сумма заказа,Комментарий\n' +
        '3,"Дата заказа: month 13 does not exist in ""2025-13-45""",2,К-2,2025-13-45,100,bad date\n' +
        '4,"Сумма заказа: ""=HYPERLINK(""http://x"")"" is not a number",3,К-1,06.03.2026 11:00,"\'=HYPERLINK(""http://x"")",formula\n',
    );
  });

  it('writes customer records with their contacts, consents and attributes', async () => {
    const result = await chainlab('import', join(FIXTURES, 'excel_ru_customers.csv'), '--kind', 'customers', '--out', 'customers.jsonl');
    expect(result.status, result.stderr).toBe(0);
    const first = JSON.parse(readFileSync(join(work, 'customers.jsonl'), 'utf8').split('\n')[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({ record: 'customer', id: 'anna.petrova@mail.ru', phone: '+79035551234', firstName: 'Анна', lastName: 'Петрова', consents: { email: true, sms: false } });
  });

  it('reports the same with and without --out (which reads the file another way)', async () => {
    for (const name of ['1c_sales_lines.csv', 'excel_ru_customers.csv', 'events_semicolon_ru.csv', 'uci_online_retail.csv']) {
      const plain = await chainlab('import', join(FIXTURES, name), '--json', '--rejects', join(work, `${name}-a.csv`));
      const withOut = await chainlab('import', join(FIXTURES, name), '--json', '--out', join(work, `${name}.jsonl`), '--rejects', join(work, `${name}-b.csv`));
      expect(plain.status).toBe(0);
      expect(withOut.stdout).toBe(plain.stdout);
      expect(readFileSync(join(work, `${name}-b.csv`), 'utf8')).toBe(readFileSync(join(work, `${name}-a.csv`), 'utf8'));
    }
  }, 120_000); // eight runs of the command one after another: over 30 s on a loaded machine

  it('guesses the kind when --kind is left out', async () => {
    const result = await chainlab('import', join(FIXTURES, 'uci_online_retail.csv'), '--json');
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'lines', orders: 5, returns: 2 });
  });

  it('reads a mapping file saved with a UTF-8 byte-order mark (Windows Notepad), and says where one stops being JSON', async () => {
    writeFileSync(join(work, 'orders.csv'), ORDERS);
    writeFileSync(join(work, 'bom-mapping.json'), '\uFEFF{ "amount": "Сумма заказа" }');
    writeFileSync(join(work, 'broken-mapping.json'), '{\n  "amount": "Сумма заказа",\n  "ts" "Дата заказа"\n}\n');
    const [bom, broken] = await Promise.all([
      chainlab('import', 'orders.csv', '--kind', 'orders', '--mapping', 'bom-mapping.json', '--json'),
      chainlab('import', 'orders.csv', '--kind', 'orders', '--mapping', 'broken-mapping.json', '--json'),
    ]);
    expect(bom.status, bom.stderr).toBe(0);
    expect(JSON.parse(bom.stdout).mapping.amount).toBe('Сумма заказа');
    expect([broken.status, broken.stdout]).toEqual([1, '']);
    expect(broken.stderr).toMatch(/^chainlab: error: .*broken-mapping\.json: not a JSON mapping file \(.* at line 3, column 8\)\n$/);
  });

  it('fails with one line: exit 2 for usage, exit 1 for a file it cannot use', async () => {
    writeFileSync(join(work, 'header.csv'), 'customer_id,order_date,amount\n');
    const [missing, kind, header, help] = await Promise.all([
      chainlab('import', 'nope.csv', '--kind', 'orders'),
      chainlab('import', join(FIXTURES, 'bom_events.csv'), '--kind', 'clients'),
      chainlab('import', 'header.csv', '--kind', 'orders', '--json'),
      chainlab('import', '--help'),
    ]);
    expect([missing.status, missing.stdout, missing.stderr]).toEqual([2, '', `chainlab: error: no such file: ${join(work, 'nope.csv')}\n`]);
    expect(kind.status).toBe(2);
    expect(kind.stderr).toMatch(/^chainlab: error: option '-k, --kind <kind>' argument 'clients' is invalid/);
    expect([header.status, header.stdout, header.stderr]).toEqual([1, '', `chainlab: error: ${join(work, 'header.csv')}: the file has a header but no data rows\n`]);
    expect(help.status).toBe(0);
    for (const flag of ['--kind', '--mapping', '--encoding', '--delimiter', '--date-format', '--tz', '--out', '--rejects', '--json']) expect(help.stdout).toContain(flag);
  });
});
