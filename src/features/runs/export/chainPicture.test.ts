import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFormatter } from '../../../domain/format';
import { nodeSummary } from '../../../domain/chains';
import { dashboardHtml } from '../../metrics/dashboardHtml';
import { workedExampleRun } from '../results/testing';
import { runCanvasTexts } from '../run/texts';
import { chainPictureSvg, runCanvasPictures, svgDataUrl, wrapText } from './chainPicture';

async function translator(language: 'en' | 'ru'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { [language]: { translation: { runCanvas: runCanvasTexts[language] } } }, interpolation: { escapeValue: false } });
  return instance.t;
}

function decoded(image: string): string {
  const binary = atob(image.slice('data:image/svg+xml;base64,'.length));
  return new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
}

/** The cards' frames in the picture: x, y, width, height of every 240-wide rectangle with rounded corners. */
function cardFrames(svg: string): { x: number; y: number; height: number }[] {
  return [...svg.matchAll(/<rect x="(-?[\d.]+)" y="(-?[\d.]+)" width="240" height="([\d.]+)" rx="8"/g)].map((match) => ({ x: Number(match[1]), y: Number(match[2]), height: Number(match[3]) }));
}

describe('the chain picture of the printable report', () => {
  let en: TFunction;
  let ru: TFunction;
  beforeAll(async () => {
    en = await translator('en');
    ru = await translator('ru');
  });

  it('draws every card with what it does and its run figures, and every link with its count', () => {
    const record = workedExampleRun();
    const [picture] = runCanvasPictures(record, { t: (key, params) => en(key, params), format: createFormatter({ language: 'en', currency: 'RUB', timeZone: 'UTC' }), language: 'en' });
    const svg = decoded(picture!.image);
    const chain = record.inputs.chains[0]!.chain;
    const figures = record.sums!.chains[0]!;
    expect(picture!.name).toBe(chain.name);
    expect(cardFrames(svg)).toHaveLength(chain.nodes.length);
    for (const node of chain.nodes) {
      for (const word of nodeSummary(node).en.split(/\s+/).slice(0, 2)) expect(svg).toContain(word.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
      expect(svg).toContain(`${figures.nodes[node.id]!.entered} entered`);
    }
    expect(svg.match(/<path d="M[^"]*" fill="none"/g)).toHaveLength(chain.edges.length);
    for (const edge of chain.edges) expect(svg).toContain(`>${figures.edges[edge.id] ?? 0}</text>`);
  });

  it('keeps cards grown by their figures apart, and the user’s text is text', () => {
    const record = workedExampleRun();
    const chain = { ...record.inputs.chains[0]!.chain, notes: [{ id: 'n', text: '<script>alert(1)</script> remember the bonus', position: { x: -400, y: 0 }, width: 200, height: 80 }] };
    chain.nodes = chain.nodes.map((node, index) => (index === 0 ? { ...node, label: '<img src=x>' } : node));
    const lines = ['Yes 1,204 · No 500', 'sent 1,100 · not sent 104', 'no consent 60 · quiet hours 44'];
    const overlay = { nodes: Object.fromEntries(chain.nodes.map((node) => [node.id, { primary: '1,204 entered', lines }])), edges: {} };
    const svg = chainPictureSvg(chain, overlay, 'en');
    expect(svg).not.toMatch(/<script|<img/);
    expect(svg).toContain('&lt;img src=x&gt;');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const frames = cardFrames(svg);
    for (const a of frames) {
      for (const b of frames) {
        if (a === b) continue;
        const overlaps = a.x < b.x + 240 && b.x < a.x + 240 && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlaps, `cards at ${a.x},${a.y} and ${b.x},${b.y}`).toBe(false);
      }
    }
  });

  it('reads in Russian and goes into the report as an image', async () => {
    const record = workedExampleRun();
    const pictures = runCanvasPictures(record, { t: (key, params) => ru(key, params), format: createFormatter({ language: 'ru', currency: 'RUB', timeZone: 'UTC' }), language: 'ru' });
    expect(decoded(pictures[0]!.image)).toContain('вошли');
    const html = dashboardHtml({ language: 'ru', title: 'r', subtitle: '', notes: [], figures: [], charts: [{ title: pictures[0]!.name, summary: 'схема', image: pictures[0]!.image }], tables: [], footer: '' });
    expect(html).toContain(`<img src="${pictures[0]!.image}"`);
    expect(dashboardHtml({ language: 'ru', title: 'r', subtitle: '', notes: [], figures: [], charts: [{ title: 'x', summary: 'y', image: 'data:image/svg+xml,<svg onload=alert(1)>' }], tables: [], footer: '' })).not.toContain('onload');
  });

  it('wraps words to lines and cuts what does not fit', () => {
    expect(wrapText('Wait up to 1 hour for checkout', 12, 3)).toEqual(['Wait up to 1', 'hour for', 'checkout']);
    expect(wrapText('a b c d e f', 3, 2)).toEqual(['a b', 'c …']);
    expect(wrapText('Supercalifragilistic', 8, 2)).toEqual(['Superca…']);
    expect(svgDataUrl('<svg>Ёж</svg>')).toBe(`data:image/svg+xml;base64,${Buffer.from('<svg>Ёж</svg>').toString('base64')}`);
  });
});
