/**
 * Runs tasks of one chat strictly one after another, and tasks of different
 * chats concurrently. `idle()` resolves once everything queued has finished
 * (graceful shutdown waits on it).
 */
export function createChatQueue() {
  const tails = new Map<number, Promise<void>>();
  return {
    run(chatId: number, task: () => Promise<void>): Promise<void> {
      const previous = tails.get(chatId) ?? Promise.resolve();
      const next = previous.then(task, task);
      const tail = next.catch(() => {});
      tails.set(chatId, tail);
      void tail.then(() => {
        if (tails.get(chatId) === tail) tails.delete(chatId);
      });
      return next;
    },
    async idle(): Promise<void> {
      while (tails.size > 0) await Promise.all(tails.values());
    },
    get size() {
      return tails.size;
    },
  };
}
