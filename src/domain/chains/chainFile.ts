import type { LocalizedText } from '../text';
import { CHAIN_FORMAT_VERSION } from './migrations';
import { isRecord } from './raw';
import { restoreChain, type RestoreChainResult } from './restore';
import type { Chain } from './types';

/**
 * The chain file of cli.md: `{ "format": "chainlab.chain", "version": N, "chain": { … } }`.
 * Written by the app's export, `chainlab templates` and the clipboard (copy / paste between
 * chains); read through the envelope check, then `restoreChain` with the envelope's version.
 */
export const CHAIN_FILE_FORMAT = 'chainlab.chain';

export interface ChainFile {
  format: typeof CHAIN_FILE_FORMAT;
  version: number;
  chain: Chain;
}

export function toChainFile(chain: Chain): ChainFile {
  return { format: CHAIN_FILE_FORMAT, version: CHAIN_FORMAT_VERSION, chain };
}

/** The file's text: pretty JSON with a final newline (diff-friendly, same chain → same bytes). */
export function chainFileText(chain: Chain): string {
  return `${JSON.stringify(toChainFile(chain), null, 2)}\n`;
}

export type NotChainFileCode = 'empty' | 'not_json' | 'not_chain_file';

/** Either restore's answer, or the file is not a chain file at all (cli.md: exit 2). */
export type ReadChainFileResult = RestoreChainResult | { ok: false; code: NotChainFileCode; fromVersion: null; message: LocalizedText };

function notChainFile(code: NotChainFileCode, en: string, ru: string): ReadChainFileResult {
  return { ok: false, code, fromVersion: null, message: { en, ru } };
}

/** Whether a failed read means "this is not a chain file" rather than "a chain file we cannot use". */
export function isNotChainFile(result: ReadChainFileResult): boolean {
  return !result.ok && (result.code === 'empty' || result.code === 'not_json' || result.code === 'not_chain_file' || result.code === 'not_object');
}

function foreignHint(value: Record<string, unknown>): LocalizedText | null {
  if (Array.isArray(value.nodes) && isRecord(value.connections)) return { en: ' It looks like an n8n workflow.', ru: ' Похоже на сценарий n8n.' };
  if (isRecord(value.definition) || isRecord(value.entryNode)) return { en: ' It looks like a journey exported from another tool.', ru: ' Похоже на сценарий, выгруженный из другого сервиса.' };
  if (Array.isArray(value.nodes) && Array.isArray(value.edges)) {
    return { en: ' It looks like a bare chain: a chain file wraps it as { "format": "chainlab.chain", "version": 1, "chain": … }.', ru: ' Похоже на цепочку без заголовка файла: файл цепочки оборачивает её в { "format": "chainlab.chain", "version": 1, "chain": … }.' };
  }
  return null;
}

/** Reads an already parsed JSON value. */
export function parseChainFile(value: unknown): ReadChainFileResult {
  if (!isRecord(value)) {
    const what = Array.isArray(value) ? 'a JSON array' : `a JSON ${value === null ? 'null' : typeof value}`;
    return notChainFile('not_chain_file', `Not a ChainLab chain file: it is ${what}, not an object with "format": "chainlab.chain".`, `Это не файл цепочки ChainLab: в нём ${what}, а не объект с "format": "chainlab.chain".`);
  }
  if (value.format !== CHAIN_FILE_FORMAT) {
    const hint = foreignHint(value) ?? { en: '', ru: '' };
    const found = typeof value.format === 'string' ? `"format" is "${value.format}"` : 'it has no "format" field';
    const foundRu = typeof value.format === 'string' ? `"format" равен «${value.format}»` : 'в нём нет поля "format"';
    return notChainFile('not_chain_file', `Not a ChainLab chain file: ${found} (expected "${CHAIN_FILE_FORMAT}").${hint.en}`, `Это не файл цепочки ChainLab: ${foundRu} (ожидалось «${CHAIN_FILE_FORMAT}»).${hint.ru}`);
  }
  if (value.version === undefined) return notChainFile('not_chain_file', 'The chain file has no "version".', 'В файле цепочки нет поля "version".');
  if (!isRecord(value.chain)) return notChainFile('not_chain_file', 'The chain file has no "chain" object.', 'В файле цепочки нет объекта "chain".');
  if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 1) {
    const shown = JSON.stringify(value.version);
    return { ok: false, code: 'bad_version', fromVersion: null, message: { en: `The chain file's "version" ${shown} is not a format version (1, 2, …).`, ru: `Поле "version" файла цепочки (${shown}) — не номер версии формата (1, 2, …).` } };
  }
  return restoreChain(value.chain, value.version);
}

/** Reads a chain file's text (a UTF-8 byte-order mark is fine). */
export function parseChainFileText(text: string): ReadChainFileResult {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return notChainFile('empty', 'The file is empty.', 'Файл пуст.');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return notChainFile('not_json', `Not a chain file: the text is not JSON (${reason}).`, `Это не файл цепочки: текст — не JSON (${reason}).`);
  }
  return parseChainFile(value);
}
