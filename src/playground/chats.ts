/** A Telegram user as the Bot API describes one (`User`). */
export interface TelegramUserJson {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
  language_code?: string;
}

export interface InlineButtonJson {
  text: string;
  callback_data?: string;
  url?: string;
}

/** The reply keyboard shown under the input (`ReplyKeyboardMarkup`). */
export interface ReplyKeyboardJson {
  keyboard: { text: string; request_contact?: boolean }[][];
  resize_keyboard?: boolean;
  is_persistent?: boolean;
  one_time_keyboard?: boolean;
}

export interface PhotoSizeJson {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size: number;
}

/** A message in a private chat, in the Bot API's shape (only the fields the playground uses). */
export interface ChatMessage {
  message_id: number;
  date: number;
  edit_date?: number;
  chat: { id: number; type: 'private'; first_name: string; username?: string };
  from: TelegramUserJson;
  text?: string;
  /** Marks a leading /command, as Telegram clients do. */
  entities?: { type: 'bot_command'; offset: number; length: number }[];
  caption?: string;
  photo?: PhotoSizeJson[];
  document?: {
    file_id: string;
    file_unique_id: string;
    file_name: string;
    mime_type: string;
    file_size: number;
  };
  contact?: { phone_number: string; first_name: string; user_id?: number };
  reply_markup?: { inline_keyboard: InlineButtonJson[][] };
}

/** What the page hears about a chat. */
export type ChatEvent =
  | { type: 'message'; message: ChatMessage; keyboard: ReplyKeyboardJson | null }
  | { type: 'edit'; message: ChatMessage }
  | { type: 'delete'; messageId: number }
  /** The bot's answerCallbackQuery: a toast, or a dialog when `showAlert`. */
  | { type: 'answer'; text: string; showAlert: boolean };

/** One private chat: the person, the messages in it, the reply keyboard they see. */
export interface Chat {
  user: TelegramUserJson;
  messages: Map<number, ChatMessage>;
  nextMessageId: number;
  keyboard: ReplyKeyboardJson | null;
  listeners: Set<(event: ChatEvent) => void>;
}

/** A chat as it is saved between runs. */
export interface SavedChat {
  user: TelegramUserJson;
  messages: ChatMessage[];
  nextMessageId: number;
  keyboard: ReplyKeyboardJson | null;
}

export interface ChatStoreOptions {
  /** Chats saved by an earlier run. */
  saved?: SavedChat[];
  /** Called after every change (to save the chats). */
  onChange?: () => void;
}

/** A chat keeps its newest messages only, like a scrolled-back client. */
const MAX_MESSAGES = 500;

/**
 * The private chats of the playground, one per person (chat id = user id, as
 * in Telegram), with listeners (the page's event streams) per chat.
 */
export function createChatStore(options: ChatStoreOptions = {}) {
  const chats = new Map<number, Chat>();
  for (const saved of options.saved ?? []) {
    chats.set(saved.user.id, {
      user: saved.user,
      messages: new Map(saved.messages.map((message) => [message.message_id, message])),
      nextMessageId: saved.nextMessageId,
      keyboard: saved.keyboard,
      listeners: new Set(),
    });
  }

  const emit = (chat: Chat, event: ChatEvent) => {
    options.onChange?.();
    for (const listener of chat.listeners) listener(event);
  };

  return {
    /** The person's chat, created on first use; the person's name is refreshed. */
    open(user: TelegramUserJson): Chat {
      const chat = chats.get(user.id);
      if (chat) {
        chat.user = user;
        return chat;
      }
      const created: Chat = {
        user,
        messages: new Map(),
        nextMessageId: 1,
        keyboard: null,
        listeners: new Set(),
      };
      chats.set(user.id, created);
      return created;
    },

    get(chatId: number): Chat | undefined {
      return chats.get(chatId);
    },

    /**
     * Adds a message with the chat's next message id. `keyboard`: a new reply
     * keyboard, null to remove it, undefined to keep the current one.
     */
    add(
      chat: Chat,
      build: (messageId: number) => ChatMessage,
      keyboard?: ReplyKeyboardJson | null,
    ): ChatMessage {
      const message = build(chat.nextMessageId++);
      chat.messages.set(message.message_id, message);
      if (chat.messages.size > MAX_MESSAGES) chat.messages.delete(chat.messages.keys().next().value!);
      if (keyboard !== undefined) chat.keyboard = keyboard;
      emit(chat, { type: 'message', message, keyboard: chat.keyboard });
      return message;
    },

    replace(chat: Chat, message: ChatMessage): void {
      chat.messages.set(message.message_id, message);
      emit(chat, { type: 'edit', message });
    },

    remove(chat: Chat, messageId: number): boolean {
      if (!chat.messages.delete(messageId)) return false;
      emit(chat, { type: 'delete', messageId });
      return true;
    },

    emit,

    /** Listens to a chat's events until the returned function is called. */
    subscribe(chat: Chat, listener: (event: ChatEvent) => void): () => void {
      chat.listeners.add(listener);
      return () => chat.listeners.delete(listener);
    },

    /** Every chat, as saved between runs. */
    save(): SavedChat[] {
      return [...chats.values()].map(({ user, messages, nextMessageId, keyboard }) => ({
        user,
        messages: [...messages.values()],
        nextMessageId,
        keyboard,
      }));
    },

    /** Everything the page needs to draw the chat from scratch. */
    snapshot(chat: Chat) {
      return { user: chat.user, messages: [...chat.messages.values()], keyboard: chat.keyboard };
    },
  };
}

export type ChatStore = ReturnType<typeof createChatStore>;
