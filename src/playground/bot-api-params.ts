import { badRequest } from './bot-api-error.ts';

/** A file sent in a multipart request. */
export interface UploadedFile {
  bytes: Uint8Array;
  filename: string;
  contentType: string;
}

/** A Bot API call's parameters: strings (structured ones JSON-encoded, as Telegram takes them) or files. */
export type BotApiParams = Map<string, string | UploadedFile>;

/**
 * Reads a Bot API request's parameters the ways Telegram accepts them: the
 * query string, and a POST body as JSON, urlencoded or multipart/form-data
 * (node-telegram-bot-api 2 sends urlencoded, or multipart when a file goes along).
 */
export async function readParams(request: Request): Promise<BotApiParams> {
  const params: BotApiParams = new Map(new URL(request.url).searchParams);
  if (request.method !== 'POST') return params;
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const body: unknown = await request.json().catch(() => null);
    if (!body || typeof body !== 'object') throw badRequest('invalid JSON body');
    for (const [key, value] of Object.entries(body)) {
      params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
  } else if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
    const form = await request.formData();
    for (const [key, value] of form) {
      params.set(
        key,
        typeof value === 'string'
          ? value
          : {
              bytes: new Uint8Array(await value.arrayBuffer()),
              filename: value.name,
              contentType: value.type || 'application/octet-stream',
            },
      );
    }
  }
  return params;
}

/** A string parameter, or undefined (a file where a string belongs counts as missing). */
export function text(params: BotApiParams, name: string): string | undefined {
  const value = params.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** An integer parameter; a missing one is refused with Telegram's wording. */
export function integer(params: BotApiParams, name: string): number {
  const value = text(params, name);
  if (value === undefined || value === '') throw badRequest(`${name} is empty`);
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw badRequest(`invalid ${name} specified`);
  return number;
}

/** An optional integer parameter. */
export function optionalInteger(params: BotApiParams, name: string): number | undefined {
  return params.has(name) ? integer(params, name) : undefined;
}

/** A JSON-encoded parameter (reply_markup, commands), parsed; undefined when absent. */
export function json(params: BotApiParams, name: string): unknown {
  const value = text(params, name);
  if (value === undefined || value === '') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`can't parse ${name} JSON object`);
  }
}
