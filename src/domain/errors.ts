/**
 * An error meant for the user: `code` selects the translated message, `params` fill it in,
 * `message` is the English text for logs and the command line.
 */
export class UserFacingError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;

  constructor(code: string, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'UserFacingError';
    this.code = code;
    this.params = params;
  }
}
