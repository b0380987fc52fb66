import { BotApiError, badRequest } from './bot-api-error.ts';
import { type BotApiParams, integer, json, optionalInteger, text } from './bot-api-params.ts';
import type { Chat, ChatMessage, ChatStore, PhotoSizeJson, TelegramUserJson } from './chats.ts';
import type { FileStore, StoredFile } from './file-store.ts';
import { parseMarkup } from './reply-markup.ts';
import type { UpdateQueue } from './update-queue.ts';

/** What the Bot API methods and the person's side share. */
export interface BotApiState {
  bot: TelegramUserJson;
  chats: ChatStore;
  updates: UpdateQueue;
  files: FileStore;
  /** Callback queries not answered yet → their chat. */
  queries: Map<string, Chat>;
  /** setMyCommands lists by language code ('' = the default list). */
  commands: Map<string, { command: string; description: string }[]>;
  now: () => Date;
}

/** One Bot API method: its parameters in, its `result` out, or a `BotApiError`. */
export type BotMethod = (params: BotApiParams, signal: AbortSignal | undefined) => Promise<unknown>;

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a specified old message content and reply markup of the message';

/** A stored photo as Telegram's PhotoSize list (one size: the original). */
export function photoSizes(file: StoredFile): PhotoSizeJson[] {
  return [
    {
      file_id: file.fileId,
      file_unique_id: file.uniqueId,
      width: file.width ?? 0,
      height: file.height ?? 0,
      file_size: file.size,
    },
  ];
}

/**
 * The Bot API methods the bot calls, keyed by lower-case name (Telegram's
 * method names are case-insensitive), answering like Telegram.
 */
export function botMethods(state: BotApiState): Record<string, BotMethod> {
  const { chats, files } = state;
  const unixNow = () => Math.floor(state.now().getTime() / 1000);

  function chatOf(params: BotApiParams): Chat {
    const chat = chats.get(integer(params, 'chat_id'));
    if (!chat) throw badRequest('chat not found');
    return chat;
  }

  function botMessage(chat: Chat, messageId: number, content: Partial<ChatMessage>): ChatMessage {
    const { id, first_name, username } = chat.user;
    return {
      message_id: messageId,
      date: unixNow(),
      chat: { id, type: 'private', first_name, ...(username ? { username } : {}) },
      from: state.bot,
      ...content,
    };
  }

  /** An uploaded file, or the file id of an earlier one; anything else is refused like Telegram. */
  async function fileParam(params: BotApiParams, name: string): Promise<StoredFile> {
    const value = params.get(name);
    if (value === undefined || value === '') throw badRequest(`there is no ${name} in the request`);
    if (typeof value !== 'string') return files.save(value.bytes, value);
    const known = await files.describe(value);
    if (!known) throw badRequest('wrong file identifier/HTTP URL specified');
    return known;
  }

  /** sendPhoto and sendDocument: the file, its caption and keyboard. */
  async function sendFile(params: BotApiParams, kind: 'photo' | 'document'): Promise<ChatMessage> {
    const chat = chatOf(params);
    const caption = text(params, 'caption') ?? '';
    if (caption.length > CAPTION_LIMIT) throw badRequest('message caption is too long');
    const markup = parseMarkup(json(params, 'reply_markup'));
    const file = await fileParam(params, kind);
    if (kind === 'photo' && file.width === undefined) throw badRequest('IMAGE_PROCESS_FAILED');
    const content: Partial<ChatMessage> =
      kind === 'photo'
        ? { photo: photoSizes(file) }
        : {
            document: {
              file_id: file.fileId,
              file_unique_id: file.uniqueId,
              file_name: file.filename,
              mime_type: file.contentType,
              file_size: file.size,
            },
          };
    return chats.add(
      chat,
      (id) =>
        botMessage(chat, id, {
          ...content,
          ...(caption ? { caption } : {}),
          ...(markup.inline ? { reply_markup: { inline_keyboard: markup.inline } } : {}),
        }),
      markup.keyboard,
    );
  }

  /** The bot's own message to edit, as Telegram finds it. */
  function editable(params: BotApiParams): { chat: Chat; message: ChatMessage } {
    if (params.has('inline_message_id')) throw badRequest('inline messages are not supported here');
    const chat = chatOf(params);
    const message = chat.messages.get(integer(params, 'message_id'));
    if (!message) throw badRequest('message to edit not found');
    if (message.from.id !== state.bot.id) throw badRequest("message can't be edited");
    return { chat, message };
  }

  /** reply_markup of an edit: inline only; none removes the buttons. */
  function editMarkup(params: BotApiParams) {
    const markup = parseMarkup(json(params, 'reply_markup'));
    if (markup.keyboard !== undefined) throw badRequest('inline keyboard expected');
    return markup.inline ? { inline_keyboard: markup.inline } : undefined;
  }

  function applyEdit(chat: Chat, before: ChatMessage, after: ChatMessage): ChatMessage {
    const same = (message: ChatMessage) =>
      JSON.stringify([message.text, message.caption, message.reply_markup ?? null]);
    if (same(before) === same(after)) throw badRequest(NOT_MODIFIED);
    const edited = { ...after, edit_date: unixNow() };
    chats.replace(chat, edited);
    return edited;
  }

  return {
    async getme() {
      return {
        ...state.bot,
        can_join_groups: false,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
      };
    },

    async getupdates(params, signal) {
      return state.updates.take({
        offset: optionalInteger(params, 'offset'),
        limit: optionalInteger(params, 'limit'),
        timeoutSeconds: optionalInteger(params, 'timeout'),
        signal,
      });
    },

    async sendmessage(params) {
      const chat = chatOf(params);
      const body = text(params, 'text') ?? '';
      if (body.trim() === '') throw badRequest('message text is empty');
      if (body.length > TEXT_LIMIT) throw badRequest('message is too long');
      const markup = parseMarkup(json(params, 'reply_markup'));
      return chats.add(
        chat,
        (id) =>
          botMessage(chat, id, {
            text: body,
            ...(markup.inline ? { reply_markup: { inline_keyboard: markup.inline } } : {}),
          }),
        markup.keyboard,
      );
    },

    async sendphoto(params) {
      return sendFile(params, 'photo');
    },

    async senddocument(params) {
      return sendFile(params, 'document');
    },

    async editmessagetext(params) {
      const { chat, message } = editable(params);
      if (message.text === undefined) throw badRequest('there is no text in the message to edit');
      const body = text(params, 'text') ?? '';
      if (body.trim() === '') throw badRequest('message text is empty');
      if (body.length > TEXT_LIMIT) throw badRequest('MESSAGE_TOO_LONG');
      const { reply_markup: _old, ...rest } = message;
      const markup = editMarkup(params);
      return applyEdit(chat, message, { ...rest, text: body, ...(markup ? { reply_markup: markup } : {}) });
    },

    async editmessagereplymarkup(params) {
      const { chat, message } = editable(params);
      const { reply_markup: _old, ...rest } = message;
      const markup = editMarkup(params);
      return applyEdit(chat, message, { ...rest, ...(markup ? { reply_markup: markup } : {}) });
    },

    async deletemessage(params) {
      const chat = chatOf(params);
      if (!chats.remove(chat, integer(params, 'message_id'))) throw badRequest('message to delete not found');
      return true;
    },

    async answercallbackquery(params) {
      const id = text(params, 'callback_query_id') ?? '';
      const chat = state.queries.get(id);
      if (!chat) throw badRequest('query is too old and response timeout expired or query ID is invalid');
      const answer = text(params, 'text') ?? '';
      if (answer.length > 200) throw badRequest('MESSAGE_TOO_LONG');
      state.queries.delete(id);
      chats.emit(chat, { type: 'answer', text: answer, showAlert: text(params, 'show_alert') === 'true' });
      return true;
    },

    async setmycommands(params) {
      const list = json(params, 'commands');
      if (!Array.isArray(list)) throw badRequest('parameter "commands" is required');
      const commands = list.map((entry: unknown) => {
        const { command, description } = (entry ?? {}) as { command?: unknown; description?: unknown };
        if (typeof command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command))
          throw badRequest('BOT_COMMAND_INVALID');
        if (typeof description !== 'string' || description === '')
          throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
        return { command, description };
      });
      state.commands.set(text(params, 'language_code') ?? '', commands);
      return true;
    },

    async deletewebhook() {
      return true;
    },

    async getwebhookinfo() {
      return { url: '', has_custom_certificate: false, pending_update_count: 0 };
    },

    async sendchataction(params) {
      chatOf(params);
      return true;
    },
  };
}

/** Telegram's 401 for a wrong token and 404 for an unknown method, as errors the HTTP layer answers. */
export const unauthorized = () => new BotApiError(401, 'Unauthorized');
export const methodNotFound = () => new BotApiError(404, 'Not Found');
