/**
 * JSON files users hand the command line (mapping files, chain files, shard outputs). JSON.parse
 * says where it stopped as a character offset ("at position 5127"); people and editors go by
 * line and column, so messages say those. A UTF-8 byte-order mark (Windows Notepad saves one) is
 * not part of the JSON.
 */
export type ParsedJson = { ok: true; value: unknown } | { ok: false; reason: string };

function withoutByteOrderMark(text: string): string {
  return text.replace(/^\uFEFF/, '');
}

/** 1-based line and column of a character offset in `body`. */
function placeOf(body: string, offset: number): string {
  const before = body.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

/**
 * JSON.parse's message about `text` with the place as line and column: "at position N" becomes
 * "at line L, column C"; "Unexpected end of JSON input" (a file cut short) gets the end's place.
 */
export function withJsonPlace(message: string, text: string): string {
  const body = withoutByteOrderMark(text);
  return message
    .replace(/at position (\d+)(?: \(line \d+ column \d+\))?/, (_, offset: string) => `at ${placeOf(body, Number(offset))}`)
    .replace(/Unexpected end of JSON input(?! at)/, `Unexpected end of JSON input at ${placeOf(body, body.length)}`);
}

export function parseJsonText(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(withoutByteOrderMark(text)) };
  } catch (error) {
    return { ok: false, reason: withJsonPlace((error as Error).message, text) };
  }
}
