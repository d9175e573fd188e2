import { describe, expect, it } from 'vitest';
import { CHAIN_LINK_PATH, chainLink, chainLinkFragment, readChainLinkFragment } from './chainLink';
import { buildTemplate } from './templates';

function abandonedCart() {
  return buildTemplate('abandoned-cart', 'en');
}

describe('a chain shared as a link', () => {
  it('opens as the same chain, and the link carries it in the fragment only', async () => {
    const chain = abandonedCart();
    const link = await chainLink('http://127.0.0.1:4173/', chain);
    const url = new URL(link);
    expect(url.pathname).toBe(CHAIN_LINK_PATH);
    expect(url.search).toBe('');
    expect(url.hash.startsWith('#chain=1.')).toBe(true);
    const read = await readChainLinkFragment(url.hash);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.chain).toEqual(chain);
  });

  it('is shorter than the chain file it carries', async () => {
    const chain = abandonedCart();
    const fragment = await chainLinkFragment(chain);
    expect(fragment.length).toBeLessThan(JSON.stringify(chain).length / 2);
  });

  it('says what is wrong with a link that holds no chain, is cut, damaged, or newer', async () => {
    const fragment = await chainLinkFragment(abandonedCart());
    const cases: [string, string][] = [
      ['', 'no_chain'],
      ['#other=1', 'no_chain'],
      ['#chain=', 'damaged_link'],
      ['#chain=1.', 'damaged_link'],
      ['#chain=1.@@@', 'damaged_link'],
      [fragment.slice(0, Math.floor(fragment.length / 2)), 'damaged_link'],
      [fragment.replace('#chain=1.', '#chain=7.'), 'newer_link'],
    ];
    for (const [hash, code] of cases) {
      const read = await readChainLinkFragment(hash);
      expect(read.ok, hash.slice(0, 20)).toBe(false);
      if (!read.ok) {
        expect(read.code, hash.slice(0, 20)).toBe(code);
        expect(read.message.en.length).toBeGreaterThan(10);
        expect(read.message.ru.length).toBeGreaterThan(10);
      }
    }
  });

  it('refuses a link that unpacks to far more than any chain (a deflate bomb)', async () => {
    const zeros = new Blob([new Uint8Array(25 * 1024 * 1024)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const packed = new Uint8Array(await new Response(zeros).arrayBuffer());
    let binary = '';
    for (let start = 0; start < packed.length; start += 0x8000) binary += String.fromCharCode(...packed.subarray(start, start + 0x8000));
    const data = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const read = await readChainLinkFragment(`#chain=1.${data}`);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message.en).toContain('more than any chain');
  });

  it('reads a valid link whose content is not a chain file as a refusal from the chain file reader', async () => {
    const packed = new Blob([new TextEncoder().encode('{"format":"n8n"}')]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(packed).arrayBuffer());
    const data = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const read = await readChainLinkFragment(`#chain=1.${data}`);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.code).toBe('not_chain_file');
  });
});
