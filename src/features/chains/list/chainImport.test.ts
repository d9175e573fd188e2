import { describe, expect, it } from 'vitest';
import { chainFileText } from '../../../domain/chains';
import { workedExampleChain } from '../../../domain/chains/testing';
import { readChainImport } from './chainImport';

describe('chain file import', () => {
  it('reads an exported chain under a new id', () => {
    const chain = workedExampleChain();
    const result = readChainImport(chainFileText(chain), 'new-id');
    expect(result).toEqual({ ok: true, chain: { ...chain, id: 'new-id' }, repairs: [] });
  });

  it('refuses a foreign file with the reason', () => {
    const result = readChainImport('{"definition": {"entryNode": {}}}', 'x');
    expect(result).toMatchObject({ ok: false, reason: 'refused' });
    if (!result.ok && result.reason === 'refused') expect(result.message.en).toMatch(/another tool/);
    expect(readChainImport('not json at all', 'x')).toMatchObject({ ok: false, reason: 'refused' });
  });

  it('refuses a file with parts it cannot read, saying which', () => {
    const text = chainFileText(workedExampleChain()).replace('"kind": "timer"', '"kind": "rocket"');
    const result = readChainImport(text, 'x');
    expect(result).toMatchObject({ ok: false, reason: 'setAside' });
  });

  it('refuses a chain from a newer version', () => {
    const text = chainFileText(workedExampleChain()).replace('"version": 1', '"version": 99');
    expect(readChainImport(text, 'x')).toMatchObject({ ok: false, reason: 'refused' });
  });
});
