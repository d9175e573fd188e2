import { describe, expect, it } from 'vitest';
import { chainFileText, isNotChainFile, parseChainFile, parseChainFileText, toChainFile } from './chainFile';
import { CHAIN_FORMAT_VERSION } from './migrations';
import { workedExampleChain } from './testing';

describe('chain files (cli.md)', () => {
  it('writes the envelope and reads it back unchanged, with or without a BOM', () => {
    const chain = workedExampleChain();
    const text = chainFileText(chain);
    expect(JSON.parse(text)).toMatchObject({ format: 'chainlab.chain', version: CHAIN_FORMAT_VERSION, chain: { id: chain.id } });
    expect(text.endsWith('}\n')).toBe(true);
    for (const input of [text, `\uFEFF${text}`]) {
      const result = parseChainFileText(input);
      expect(result.ok && result.chain).toEqual(chain);
    }
  });

  it('says plainly when a file is not a chain file at all', () => {
    const said = (text: string) => {
      const result = parseChainFileText(text);
      expect(result.ok).toBe(false);
      expect(isNotChainFile(result)).toBe(true);
      return result.ok ? '' : result.message.en;
    };
    expect(said('')).toBe('The file is empty.');
    expect(said('{"format": ')).toMatch(/^Not a chain file: the text is not JSON \(/);
    expect(said('[1,2]')).toMatch(/it is a JSON array/);
    expect(said('{"name":"x","nodes":[],"connections":{}}')).toMatch(/no "format" field .*n8n workflow/);
    expect(said(JSON.stringify(workedExampleChain()))).toMatch(/bare chain: a chain file wraps it/);
    expect(said('{"format":"chainlab.workspace","version":1}')).toMatch(/"format" is "chainlab.workspace" \(expected "chainlab.chain"\)/);
    expect(said('{"format":"chainlab.chain","chain":{}}')).toBe('The chain file has no "version".');
    expect(said('{"format":"chainlab.chain","version":1}')).toBe('The chain file has no "chain" object.');
  });

  it('refuses a newer version and a nonsense version, and reports a broken chain inside a real file', () => {
    const file = toChainFile(workedExampleChain());
    const newer = parseChainFile({ ...file, version: CHAIN_FORMAT_VERSION + 1 });
    expect(newer).toMatchObject({ ok: false, code: 'newer_version' });
    expect(isNotChainFile(newer)).toBe(false);
    expect(parseChainFile({ ...file, version: '1' })).toMatchObject({ ok: false, code: 'bad_version' });
    expect(parseChainFile({ ...file, version: 0 })).toMatchObject({ ok: false, code: 'bad_version' });
    const broken = parseChainFile({ ...file, chain: { ...file.chain, settings: null } });
    expect(broken).toMatchObject({ ok: false, code: 'invalid' });
    expect(isNotChainFile(broken)).toBe(false);
  });
});
