import type { ru } from './ru.ts';

/** The message catalogue: Russian defines the shape, every other language fills it in full. */
export type Messages = typeof ru;
