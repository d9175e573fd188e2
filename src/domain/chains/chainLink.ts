import type { LocalizedText } from '../text';
import { parseChainFileText, toChainFile, type ReadChainFileResult } from './chainFile';
import type { Chain } from './types';

/**
 * A chain shared as a link (issue 17): the chain file itself, deflated and base64url-encoded,
 * carried in the URL's fragment. A browser never sends the fragment to a server, so the chain
 * travels only with the link; opening it offers to add the chain to a workspace. The link holds
 * the chain only: no customer data, no runs.
 *
 * `#chain=1.<data>`: "1" is this encoding's version (deflate-raw of the UTF-8 chain file text),
 * so a later encoding can be told apart and an old link still opens.
 */
export const CHAIN_LINK_PATH = '/chains/shared';
const FRAGMENT_KEY = 'chain=';
const ENCODING_VERSION = '1';

/** More unpacked text than any chain (the model caps a chain at 5,000 nodes) means a hostile link. */
export const MAX_CHAIN_LINK_TEXT_BYTES = 20 * 1024 * 1024;

/** Links longer than this are cut by some mail and chat apps; the user is told to send the file instead. */
export const LONG_CHAIN_LINK_CHARS = 30_000;

async function streamBytes(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function transformed(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return new Blob([bytes as BlobPart]).stream().pipeThrough(transform as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes its arguments on the stack: feed it in slices.
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The fragment (with its '#') that carries `chain`. */
export async function chainLinkFragment(chain: Chain): Promise<string> {
  const text = new TextEncoder().encode(JSON.stringify(toChainFile(chain)));
  const packed = await streamBytes(transformed(text, new CompressionStream('deflate-raw')), Number.POSITIVE_INFINITY);
  return `#${FRAGMENT_KEY}${ENCODING_VERSION}.${toBase64Url(packed!)}`;
}

/** The whole link: `origin` is the page's origin (and base path, when the app is served under one). */
export async function chainLink(origin: string, chain: Chain): Promise<string> {
  return `${origin.replace(/\/$/, '')}${CHAIN_LINK_PATH}${await chainLinkFragment(chain)}`;
}

export type ChainLinkProblem = 'no_chain' | 'newer_link' | 'damaged_link';

export type ReadChainLinkResult = ReadChainFileResult | { ok: false; code: ChainLinkProblem; fromVersion: null; message: LocalizedText };

function problem(code: ChainLinkProblem, en: string, ru: string): ReadChainLinkResult {
  return { ok: false, code, fromVersion: null, message: { en, ru } };
}

function damaged(): ReadChainLinkResult {
  return problem(
    'damaged_link',
    'The link is cut short or damaged: the chain in it cannot be unpacked. Copy the whole link again, or ask for the chain file.',
    'Ссылка обрезана или повреждена: цепочку из неё не распаковать. Скопируйте ссылку целиком ещё раз или попросите файл цепочки.',
  );
}

/** Reads the chain from a location's fragment (`#chain=…`); every failure says what is wrong in both languages. */
export async function readChainLinkFragment(hash: string): Promise<ReadChainLinkResult> {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith(FRAGMENT_KEY)) {
    return problem('no_chain', 'This link holds no chain: the part after “#chain=” is missing.', 'В этой ссылке нет цепочки: нет части после «#chain=».');
  }
  const payload = fragment.slice(FRAGMENT_KEY.length);
  const dot = payload.indexOf('.');
  const version = dot < 0 ? '' : payload.slice(0, dot);
  if (version !== ENCODING_VERSION) {
    if (/^\d+$/.test(version) && Number(version) > Number(ENCODING_VERSION)) {
      return problem('newer_link', `The link was made by a newer ChainLab (link format ${version}); update this one to open it.`, `Ссылку сделала более новая версия ChainLab (формат ссылки ${version}); обновите эту, чтобы открыть её.`);
    }
    return damaged();
  }
  const packed = fromBase64Url(payload.slice(dot + 1));
  if (!packed || packed.length === 0) return damaged();
  let text: Uint8Array | null;
  try {
    text = await streamBytes(transformed(packed, new DecompressionStream('deflate-raw')), MAX_CHAIN_LINK_TEXT_BYTES);
  } catch {
    return damaged();
  }
  if (!text) return problem('damaged_link', 'The link unpacks to more than any chain can hold; it was not opened.', 'Ссылка распаковывается в объём больше любой цепочки; она не открыта.');
  return parseChainFileText(new TextDecoder().decode(text));
}
