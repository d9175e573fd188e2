/**
 * Text from a file made safe for a terminal. A value or header can hold control characters:
 * an ANSI escape sequence that clears the screen or retitles the window, a carriage return
 * that overwrites the line, bidirectional overrides that show text in another order than it
 * is. In everything the command line prints as text (summaries, warnings, errors) they are
 * written as visible escapes — "\x1b", "\u202e" — instead. JSON output is already safe
 * (JSON.stringify escapes C0 controls; a JSON reader does not interpret the rest).
 */
// C0 controls, DEL and C1 controls; line and paragraph separators; bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
