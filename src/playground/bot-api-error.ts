/**
 * A Bot API refusal, answered as Telegram answers it: HTTP status = `error_code`,
 * body `{ ok: false, error_code, description }` (descriptions are Telegram's own
 * wording, which the bot matches on, e.g. "message is not modified").
 */
export class BotApiError extends Error {
  override name = 'BotApiError';
  readonly errorCode: number;

  constructor(errorCode: number, description: string) {
    super(description);
    this.errorCode = errorCode;
  }
}

/** 400 with Telegram's "Bad Request: " prefix. */
export const badRequest = (what: string) => new BotApiError(400, `Bad Request: ${what}`);
