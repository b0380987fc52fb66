import type { Flow } from './flow.ts';
import type { MenuItem } from './menu.ts';
import { languageFlow } from './views/language.view.ts';
import { linkFlow } from './views/link.view.ts';
import { registerFlow } from './views/register.view.ts';

/** Every flow the bot runs, by machine id. */
export const FLOWS: Record<string, Flow> = {
  [registerFlow.id]: registerFlow,
  [linkFlow.id]: linkFlow,
  [languageFlow.id]: languageFlow,
};

/** The flow a main-menu button or a command starts. */
export const MENU_FLOWS: Partial<Record<MenuItem, Flow>> = {
  register: registerFlow,
  link: linkFlow,
  language: languageFlow,
};

export const COMMAND_FLOWS: Record<string, Flow> = {
  register: registerFlow,
  link: linkFlow,
  language: languageFlow,
};
