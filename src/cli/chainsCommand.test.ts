import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAIN_FORMAT_VERSION, CHAIN_TEMPLATES, chainFileText } from '../domain/chains';
import { edge, workedExampleChain } from '../domain/chains/testing';
import { chainlabIn, expectOneLineError } from './testing/chainlabProcess';

/** `chainlab templates` and `chainlab validate` as users run them (cli.md "templates, validate"). */
const work = mkdtempSync(join(tmpdir(), 'chainlab-chains-'));
const chainlab = chainlabIn(work);

interface ValidateJson {
  valid: boolean;
  findings: { severity: string; nodeId?: string; message: string; code: string; suggestions?: string[] }[];
  chain?: { id: string; name: string; version: number; nodes: number };
}

function write(name: string, text: string): string {
  writeFileSync(join(work, name), text);
  return name;
}

beforeAll(async () => {
  const [templates, ru, demo] = await Promise.all([
    chainlab('templates', '--out', 'templates'),
    chainlab('templates', '--out', 'templates-ru', '--lang', 'ru', '--json'),
    chainlab('demo', '--customers', '300', '--seed', '5', '--out', 'data'),
  ]);
  for (const result of [templates, ru, demo]) expect(result.status, result.stderr).toBe(0);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('chainlab templates', () => {
  it('writes every built-in template as DIR/<template-id>.json, a chain file each, the same bytes every time', async () => {
    const files = readdirSync(join(work, 'templates')).sort();
    expect(files).toEqual(CHAIN_TEMPLATES.map((template) => `${template.id}.json`).sort());
    expect(files).toEqual(expect.arrayContaining(['welcome-series.json', 'abandoned-cart.json', 'reactivation.json']));
    for (const file of files) {
      const document = JSON.parse(readFileSync(join(work, 'templates', file), 'utf8')) as { format: string; version: number; chain: { id: string } };
      expect(document).toMatchObject({ format: 'chainlab.chain', version: CHAIN_FORMAT_VERSION, chain: { id: file.replace('.json', '') } });
    }
    const again = await chainlab('templates', '--out', 'templates-again');
    expect(again.status).toBe(0);
    for (const file of files) expect(readFileSync(join(work, 'templates-again', file), 'utf8')).toBe(readFileSync(join(work, 'templates', file), 'utf8'));
  });

  it('prints a JSON summary, in Russian with --lang ru, and refuses bad options with exit 2', async () => {
    const cart = JSON.parse(readFileSync(join(work, 'templates-ru', 'abandoned-cart.json'), 'utf8')) as { chain: { name: string; description: string } };
    expect(cart.chain.name).toBe('Брошенная корзина');
    expect(cart.chain.description).toMatch(/^Учебник/);
    const [badLanguage, badTime, noOut] = await Promise.all([
      chainlab('templates', '--out', 'x', '--lang', 'de'),
      chainlab('templates', '--out', 'x', '--audience-at', '2026-02-30T10:00'),
      chainlab('templates'),
    ]);
    expectOneLineError(badLanguage, 2, /--lang.*expected en or ru/);
    expectOneLineError(badTime, 2, /--audience-at/);
    expectOneLineError(noOut, 2, /--out/);
  });
});

describe('chainlab validate', () => {
  it('says every template is valid (exit 0); two of them checked against the demo data too', async () => {
    const plain = CHAIN_TEMPLATES.map((template) => ['validate', join('templates', `${template.id}.json`), '--json']);
    const withData = ['abandoned-cart', 'reactivation'].map((id) => ['validate', join('templates', `${id}.json`), '--json', '--orders', 'data/orders.csv', '--events', 'data/events.csv']);
    // A few at a time: each run is a Node process, and the machine is shared.
    for (let start = 0; start < plain.length + withData.length; start += 3) {
      const results = await Promise.all([...plain, ...withData].slice(start, start + 3).map((args) => chainlab(...args)));
      for (const result of results) {
        expect(result.status, result.stderr).toBe(0);
        const document = JSON.parse(result.stdout) as ValidateJson;
        expect(document.valid).toBe(true);
        expect(document.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
      }
    }
  }, 180_000);

  it('lists findings with severity, node and message and exits 1 when the chain is not valid', async () => {
    const chain = workedExampleChain();
    chain.edges = chain.edges.filter((item) => item.id !== 'filter-no-sms');
    chain.nodes = chain.nodes.map((node) => (node.id === 'trigger' ? { ...node, trigger: { type: 'event', event: { types: ['add_to_cart'], where: [] } } } : node));
    const file = write('broken.json', chainFileText(chain));
    const [json, text] = await Promise.all([chainlab('validate', file, '--json', '--events', 'data/events.csv'), chainlab('validate', file, '--lang', 'ru')]);
    expect(json.status).toBe(1);
    const document = JSON.parse(json.stdout) as ValidateJson;
    expect(document.valid).toBe(false);
    expect(document.findings[0]).toEqual({ severity: 'error', nodeId: 'filter', message: expect.stringMatching(/^The way out "No" leads nowhere/), code: 'port_unconnected', port: 'no' });
    expect(document.findings).toContainEqual(expect.objectContaining({ severity: 'warning', nodeId: 'trigger', code: 'unknown_event_type', suggestions: ['cart_add'] }));
    expect(document.chain).toEqual({ id: 'abandoned-cart-example', name: 'Abandoned cart (worked example)', version: 1, nodes: 9 });
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/^broken\.json "Abandoned cart \(worked example\)": not valid \(1 error, 2 warnings\)\n {2}error {3}\[filter → no\] Выход «Нет» никуда не ведёт/);
  });

  it('reports a chain file it cannot use as a finding (exit 1): a newer version, parts it cannot read', async () => {
    const newer = write('newer.json', JSON.stringify({ format: 'chainlab.chain', version: CHAIN_FORMAT_VERSION + 1, chain: workedExampleChain() }));
    const chain = workedExampleChain();
    const partly = write('partly.json', chainFileText({ ...chain, edges: [...chain.edges, edge('G1', 'out', 'nowhere')] }));
    const [first, second] = await Promise.all([chainlab('validate', newer, '--json'), chainlab('validate', partly, '--json')]);
    expect(first.status).toBe(1);
    expect((JSON.parse(first.stdout) as ValidateJson).findings).toEqual([{ severity: 'error', code: 'unreadable', message: expect.stringMatching(/newer ChainLab/) }]);
    expect(second.status).toBe(1);
    expect((JSON.parse(second.stdout) as ValidateJson).findings[0]).toMatchObject({ severity: 'error', code: 'part_set_aside', message: expect.stringMatching(/not in the chain/) });
  });

  it('exits 2 with a one-line reason when the file is not a chain file at all, or is missing', async () => {
    mkdirSync(join(work, 'a-directory'), { recursive: true });
    const cases: [string, RegExp][] = [
      [write('foreign.json', JSON.stringify({ name: 'n8n flow', nodes: [], connections: {} })), /foreign\.json: Not a ChainLab chain file: it has no "format" field .*n8n workflow/],
      [write('not-json.json', 'format: chainlab.chain'), /not-json\.json: Not a chain file: the text is not JSON/],
      [write('empty.json', ''), /empty\.json: The file is empty\./],
      [write('array.json', '[]'), /it is a JSON array/],
      ['missing.json', /no such file: missing\.json/],
      ['a-directory', /a-directory is a directory/],
    ];
    const results = await Promise.all(cases.map(([file]) => chainlab('validate', file, '--json')));
    results.forEach((result, index) => expectOneLineError(result, 2, cases[index]![1]));
    expectOneLineError(await chainlab('validate'), 2, /missing required argument/);
  });

  it('says at which line and column a chain file stops being JSON (an editor goes by lines, not character offsets)', async () => {
    const text = chainFileText(workedExampleChain());
    const lines = text.split('\n');
    // line 3 loses the colon after its key; the file is cut short in the middle of line 5
    const broken = [...lines.slice(0, 2), lines[2]!.replace('":', '"'), ...lines.slice(3)].join('\n');
    const cut = lines.slice(0, 4).join('\n') + '\n' + lines[4]!.slice(0, 3);
    expectOneLineError(await chainlab('validate', write('no-colon.json', broken), '--json'), 2, /no-colon\.json: Not a chain file: the text is not JSON \(.* at line 3, column \d+\)/);
    expectOneLineError(await chainlab('validate', write('cut.json', cut), '--json'), 2, /cut\.json: .*not JSON \(.*at line 5, column 4\)/);
    expectOneLineError(await chainlab('simulate', '--orders', 'data/orders.csv', '--chain', 'no-colon.json'), 1, /no-colon\.json: .*at line 3, column \d+/);
  });
});
