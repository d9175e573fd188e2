import { describe, expect, it } from 'vitest';
import { chainFileText, parseChainFileText } from './chainFile';
import { allMigrationIds, CHAIN_FORMAT_VERSION, CURRENT_MIGRATIONS, type MigrationSet } from './migrations';
import { restoreChain } from './restore';
import { defaultChainSettings } from './settings';
import { everyOptionChain, workedExampleChain } from './testing';
import { NODE_KINDS, type Chain } from './types';

/** Frozen files of every earlier format version (fixtures/README.md): they must open forever. */
const frozen = import.meta.glob<string>('./fixtures/v*/*.json', { query: '?raw', import: 'default', eager: true });
const v1Files = Object.entries(frozen).filter(([path]) => path.includes('/v1/'));
const v0Records = Object.entries(frozen).filter(([path]) => path.includes('/v0/'));

function restoreFixture(path: string, text: string) {
  if (path.includes('/v0/')) return restoreChain(JSON.parse(text) as unknown);
  return parseChainFileText(text);
}

/**
 * The chain as written, less what version-1 files could not have said: the audience trigger's
 * `mode` (added with the join mode, read as 'once' when absent — the only meaning it had).
 */
function withoutAddedDefaults(written: string): unknown {
  const file = JSON.parse(written) as { chain: { nodes: { kind: string; trigger?: { type: string; mode?: string } }[] } };
  for (const node of file.chain.nodes) {
    if (node.kind !== 'trigger' || node.trigger?.type !== 'audience') continue;
    expect(node.trigger.mode).toBe('once');
    delete node.trigger.mode;
  }
  return file;
}

describe('frozen chain files', () => {
  it('has fixtures of version 0 and version 1', () => {
    expect(v1Files.map(([path]) => path).sort()).toEqual(['./fixtures/v1/every-option.chain.json', './fixtures/v1/worked-example.chain.json']);
    expect(v0Records.length).toBe(3);
  });

  it.each(v1Files)('%s opens with nothing repaired or set aside, and writes back the same (audience triggers gain mode "once")', (path, text) => {
    const result = restoreFixture(path, text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.repairs).toEqual([]);
    expect(result.setAside).toEqual([]);
    expect(result.fromVersion).toBe(1);
    // Version 1 is current: nothing to migrate, and the chain is what was written.
    if (CHAIN_FORMAT_VERSION === 1) expect(withoutAddedDefaults(chainFileText(result.chain))).toEqual(JSON.parse(text));
  });

  it('the frozen files are what the test builders wrote, positions aside (so the builders stay honest fixtures for other tests)', () => {
    const byName = Object.fromEntries(v1Files.map(([path, text]) => [path.split('/').pop(), text]));
    const graphOf = (chain: Chain) => ({ ...chain, nodes: chain.nodes.map(({ position: _position, ...node }) => node) });
    const read = (text: string) => {
      const result = parseChainFileText(text);
      if (!result.ok) throw new Error(result.message.en);
      return graphOf(result.chain);
    };
    expect(read(byName['worked-example.chain.json']!)).toEqual(graphOf(workedExampleChain()));
    expect(read(byName['every-option.chain.json']!)).toEqual(graphOf(everyOptionChain()));
  });

  it('opens the placeholder records of version 0, lifting node options and reporting the defaults it filled in', () => {
    const empty = restoreChain(JSON.parse(frozen['./fixtures/v0/placeholder-empty.json']!) as unknown);
    expect(empty.ok).toBe(true);
    if (!empty.ok) return;
    expect(empty.fromVersion).toBe(0);
    expect(empty.chain).toEqual({ id: 'chain-Demo', name: 'Welcome', stage: null, description: '', templateId: null, settings: defaultChainSettings(), nodes: [], edges: [], notes: [] });
    expect(empty.repairs.map((note) => note.message.en).join(' ')).toMatch(/saved before chains had these settings: reEntry, goal, controlGroupPercent, frequencyCap, quietHours, timeZone; they take the defaults/);

    const withNodes = restoreChain(JSON.parse(frozen['./fixtures/v0/placeholder-with-nodes.json']!) as unknown);
    expect(withNodes.ok).toBe(true);
    if (!withNodes.ok) return;
    expect(withNodes.setAside).toEqual([]);
    expect(withNodes.chain.settings.timeZone).toBe('Europe/Moscow');
    expect(withNodes.chain.stage).toBe('consideration');
    const [trigger, message, goal] = withNodes.chain.nodes;
    expect(trigger).toMatchObject({ kind: 'trigger', trigger: { type: 'event', event: { types: ['cart_add'] } } });
    expect(message).toMatchObject({ kind: 'message', channel: 'email', content: { subject: 'Вы забыли товар' }, cost: 0.1, onSuppressed: 'continue' });
    expect(goal).toMatchObject({ kind: 'goal', outcome: 'goal', position: { x: 0, y: 0 } });
    expect(withNodes.chain.edges).toHaveLength(2);
    const said = withNodes.repairs.map((note) => note.message.en).join(' ');
    expect(said).toMatch(/legacyFlag/);
    expect(said).toMatch(/Node "n2" was saved without its options \(offer, cost, responses, orderValue, onSuppressed\)/);
  });

  it('reads the shorthands a placeholder record may carry, and says so', () => {
    const result = restoreChain(JSON.parse(frozen['./fixtures/v0/placeholder-shorthands.json']!) as unknown);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.setAside).toEqual([]);
    expect(result.chain.settings.quietHours).toEqual({ isEnabled: true, from: '23:00', to: '08:00', mode: 'wait' });
    expect(result.chain.nodes.map((node) => [node.id, 'trigger' in node ? node.trigger : 'timer' in node ? node.timer : 'content' in node ? node.content : null])).toEqual([
      ['n1', { type: 'event', event: { types: ['registration'], where: [] } }],
      ['n2', { type: 'delay', duration: { amount: 2, unit: 'hours' } }],
      ['n3', { subject: 'Hello', body: 'Welcome aboard' }],
    ]);
    const said = result.repairs.map((note) => `${note.path}: ${note.message.en}`);
    expect(said).toContain('chain: Node "n1": "event": "registration" is read as a trigger on that event.');
    expect(said).toContain('chain: Node "n2": read as a delay of 2 hours.');
    expect(said).toContain('nodes[2] (n3): Fields not understood and left out: template.');
  });

  it('every migration there is ran on at least one frozen file', () => {
    const ran = new Set<string>();
    for (const [path, text] of [...v0Records, ...v1Files]) {
      const result = restoreFixture(path, text);
      expect(result.ok, path).toBe(true);
      if (result.ok) for (const id of result.migrations) ran.add(id);
    }
    const all = allMigrationIds(CURRENT_MIGRATIONS, NODE_KINDS);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((id) => !ran.has(id))).toEqual([]);
  });
});

describe('migrations', () => {
  /** A made-up version 2 (chain-level rename + a timer migration) to prove how steps run. */
  const nextVersion: MigrationSet = {
    currentVersion: 2,
    chain: [
      ...CURRENT_MIGRATIONS.chain,
      { id: 'chain/2-title', version: 2, migrate: ({ title, ...chain }) => ({ ...chain, name: title }) },
    ],
    nodes: (kind) =>
      kind === 'timer'
        ? [{ id: 'timer/2-wait', version: 2, migrate: ({ wait, ...node }) => (wait === undefined ? node : { ...node, timer: { type: 'delay', duration: { amount: wait, unit: 'days' } } }) }]
        : [],
  };

  it('runs chain-level then node migrations, step by step from the version written', () => {
    const { name, ...written } = workedExampleChain();
    const oldDelay = written.nodes.find((node) => node.id === 'delay')!;
    const { timer: _timer, ...delayWithoutTimer } = oldDelay as Extract<typeof oldDelay, { kind: 'timer' }>;
    const nodes = written.nodes.map((node) => (node.id === 'delay' ? { ...delayWithoutTimer, wait: 2 } : node));
    const result = restoreChain({ ...written, title: name, nodes }, 1, nextVersion);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migrations).toEqual(['chain/2-title', 'timer/2-wait']);
    expect(result.chain.name).toBe(name);
    expect(result.chain.nodes.find((node) => node.id === 'delay')).toMatchObject({ timer: { type: 'delay', duration: { amount: 2, unit: 'days' } } });
  });

  it('refuses a chain from a newer version with a message that says to update', () => {
    const result = restoreChain(workedExampleChain(), 3, nextVersion);
    expect(result).toMatchObject({ ok: false, code: 'newer_version', fromVersion: 3 });
    if (!result.ok) expect(result.message.en).toMatch(/newer ChainLab \(format version 3; this one reads up to 2\)/);
  });

  it('reports a migration that throws instead of crashing', () => {
    const broken: MigrationSet = { ...nextVersion, chain: [{ id: 'chain/2-boom', version: 2, migrate: () => { throw new Error('boom'); } }] };
    expect(restoreChain(workedExampleChain(), 1, broken)).toMatchObject({ ok: false, code: 'migration_failed' });
  });
});

describe('restoreChain repairs and sets aside, never guesses', () => {
  const base = () => structuredClone(workedExampleChain()) as unknown as Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };

  it('drops unknown fields and says which', () => {
    const raw = base();
    raw.colour = 'red';
    raw.nodes[0]!.extra = 1;
    const result = restoreChain(raw, 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.chain).toEqual(workedExampleChain());
    expect(result.repairs.map((note) => `${note.path}: ${note.message.en}`)).toEqual([
      'chain: Fields not understood and left out: colour.',
      'nodes[0] (trigger): Fields not understood and left out: extra.',
    ]);
  });

  it('sets aside a node it cannot read, and the edges that led to or from it', () => {
    const raw = base();
    (raw.nodes[3] as { channel: string }).channel = 'pigeon';
    const result = restoreChain(raw, 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.chain.nodes.map((node) => node.id)).not.toContain('email');
    expect(result.setAside.map((item) => `${item.part}:${item.id}`)).toEqual(['node:email', 'edge:wait-timeout-email', 'edge:email-out-delay']);
    expect(result.setAside[0]!.reason.en).toMatch(/nodes\[3\] \(email\): channel: /);
    expect(result.setAside[0]!.raw).toEqual(raw.nodes[3]);
  });

  it('sets aside unknown kinds, duplicate ids and edges from ports a node does not have', () => {
    const raw = base();
    raw.nodes.push({ id: 'x', kind: 'webhook', position: { x: 0, y: 0 } });
    raw.nodes.push({ ...raw.nodes[2]! });
    raw.edges.push({ id: 'bad-port', source: 'filter', sourcePort: 'maybe', target: 'G1' });
    raw.edges.push({ ...raw.edges[0]! });
    const result = restoreChain(raw, 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.setAside.map((item) => item.reason.en)).toEqual([
      'nodes[9] (x): unknown node kind "webhook".',
      'nodes[10] (G1): another node already has the id "G1".',
      'edges[8] (bad-port): node "filter" has no out-port "maybe".',
      'edges[9] (trigger-out-wait): another edge already has the id "trigger-out-wait".',
    ]);
    expect(result.chain).toEqual(workedExampleChain());
  });

  it('cannot read a chain without an id, with broken settings, or that is not an object', () => {
    const noId = base();
    delete noId.id;
    expect(restoreChain(noId, 1)).toMatchObject({ ok: false, code: 'invalid' });
    const badSettings = base();
    (badSettings.settings as { quietHours: { from: string } }).quietHours.from = '25:00';
    const result = restoreChain(badSettings, 1);
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    if (!result.ok) expect(result.message.en).toMatch(/settings\.quietHours\.from: a local time HH:mm/);
    expect(restoreChain([1, 2], 1)).toMatchObject({ ok: false, code: 'not_object' });
    expect(restoreChain(base(), -1)).toMatchObject({ ok: false, code: 'bad_version' });
  });
});
