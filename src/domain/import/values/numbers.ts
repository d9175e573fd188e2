/**
 * Numbers and money as exports write them: "1234.50", "1 234,50" (spaces or non-breaking
 * spaces between thousands, decimal comma), "1,234.50", "1.234,50", "1'234.50", with currency
 * signs or words before or after ("₽", "руб.", "р.", "$", "USD", "€"), minus signs ("-", "−",
 * a trailing "-", accounting parentheses) and a percent sign. The decimal mark of a column is
 * decided from its values (a mark followed by other than three digits is a decimal mark); where
 * nothing settles it, the file's context decides (comma for Russian, semicolon-separated files).
 */
export type DecimalMark = '.' | ',';

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** "-123", "123.45" (with `mark` as the decimal mark): the shape machine exports use. */
function isPlain(text: string, mark: number): boolean {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= n) return false;
  let digits = 0;
  while (i < n && isDigit(text.charCodeAt(i))) {
    i++;
    digits++;
  }
  if (i === n) return digits > 0;
  if (digits === 0 || text.charCodeAt(i) !== mark || i === n - 1) return false;
  for (i++; i < n; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

const GROUP_SEPARATORS = /[\s\u00a0\u2009\u202f'’`_]/g;
const EXPONENT = /(?<=\d)[eE][-+]?\d{1,3}$/;
const MINUS_SIGNS = /^[-−–]/;

/**
 * The number in `raw`, or NaN when it is not one. Empty text is NaN too; callers check for
 * emptiness first when empty means "no value".
 */
export function parseNumber(raw: string, mark: DecimalMark = '.'): number {
  const markCode = mark.charCodeAt(0);
  if (raw.length > 0 && raw.length < 24 && isPlain(raw, markCode)) return Number(markCode === 44 ? raw.replace(',', '.') : raw);
  return parseMessyNumber(raw, mark);
}

// eslint-disable-next-line no-control-regex -- a control character makes a value not a number
const CONTROL = /[\u0000-\u001f\u007f]/;

function parseMessyNumber(raw: string, mark: DecimalMark): number {
  let text = raw.trim();
  // Affixes are currency signs and words ("₽", "руб.", "USD"), never control characters ("\x1b[2J…").
  if (!text || CONTROL.test(text)) return Number.NaN;
  let isNegative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    isNegative = true;
    text = text.slice(1, -1).trim();
  }
  text = stripAffixes(text);
  if (MINUS_SIGNS.test(text)) {
    isNegative = !isNegative;
    text = stripAffixes(text.slice(1));
  } else if (text.startsWith('+')) text = stripAffixes(text.slice(1));
  if (/[-−–]$/.test(text)) {
    isNegative = !isNegative;
    text = text.slice(0, -1);
  }
  text = text.replace(GROUP_SEPARATORS, '');
  // Scientific notation as Excel writes big or small amounts ("1.5E+03", "1,5E+03", "1e3").
  const exponent = EXPONENT.exec(text);
  if (exponent) text = text.slice(0, exponent.index);
  const normalized = withDotDecimal(text, mark);
  if (normalized === undefined || !/^\d*\.?\d+$|^\d+\.$/.test(normalized)) return Number.NaN;
  const value = Number(exponent ? `${normalized}${exponent[0]}` : normalized);
  return isNegative ? -value : value;
}

/** Drops currency signs and words, and a percent sign, around the digits. */
function stripAffixes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && !isDigit(text.charCodeAt(start)) && !'-−–+'.includes(text[start]!) && !(/[.,]/.test(text[start]!) && isDigit(text.charCodeAt(start + 1)))) start++;
  while (end > start && !isDigit(text.charCodeAt(end - 1)) && !'-−–'.includes(text[end - 1]!)) end--;
  return text.slice(start, end).trim();
}

/** Resolves '.' and ',' into one decimal dot, or undefined when they make no sense. */
function withDotDecimal(text: string, mark: DecimalMark): string | undefined {
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const body = text.slice(0, Math.max(lastDot, lastComma)).split(group).join('');
    if (body.includes(decimal)) return undefined;
    return `${body}.${text.slice(Math.max(lastDot, lastComma) + 1)}`;
  }
  const only = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
  if (!only) return text;
  const parts = text.split(only);
  if (parts.length > 2) return parts.every((part, i) => i === 0 || part.length === 3) ? parts.join('') : undefined;
  // One mark: the column's decimal mark is a decimal; the other one is a thousands separator
  // only when exactly three digits follow ("1,234" in a dot-decimal column).
  if (only === mark || parts[1]!.length !== 3) return `${parts[0]}.${parts[1]}`;
  return parts.join('');
}

/** Which mark the values of a column use for decimals; `fallback` when nothing tells. */
export function detectDecimalMark(values: readonly string[], fallback: DecimalMark): DecimalMark {
  let dot = 0;
  let comma = 0;
  for (const raw of values) {
    const text = raw.replace(GROUP_SEPARATORS, '');
    const lastDot = text.lastIndexOf('.');
    const lastComma = text.lastIndexOf(',');
    if (lastDot >= 0 && lastComma >= 0) {
      if (lastDot > lastComma) dot++;
      else comma++;
      continue;
    }
    const at = Math.max(lastDot, lastComma);
    if (at < 0 || text.indexOf(text[at]!) !== at) continue;
    let digitsAfter = 0;
    while (isDigit(text.charCodeAt(at + 1 + digitsAfter))) digitsAfter++;
    if (digitsAfter === 3) continue;
    if (lastDot >= 0) dot++;
    else comma++;
  }
  if (dot === comma) return fallback;
  return dot > comma ? '.' : ',';
}

/**
 * Money as the source wrote it: its own precision is kept (amounts with 3 or 4 decimals stay
 * exact — rounding each row to cents made 7 % of customers' totals differ from R's by a cent or
 * two), only float noise is removed (3 × 0.1 is 0.3, not 0.30000000000000004): 15 significant
 * digits, as R and spreadsheets print. Rounding to cents is for display only.
 */
export function cleanMoney(value: number): number {
  return Number(value.toPrecision(15));
}
