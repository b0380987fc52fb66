import { messagesFor } from '../src/bot/i18n/index.ts';
import type { BenchUser } from './telegram.ts';

const t = messagesFor('ru');

/** One step of a scripted conversation: a label for the report and the text the person sends. */
export interface Step {
  label: string;
  text: string;
}

/** The register flow, as a person taps and types it: 5 updates. */
export function registerSteps(user: BenchUser): Step[] {
  return [
    { label: '/start', text: '/start' },
    { label: 'menu→register', text: t.menu.register },
    { label: 'phone', text: user.phone },
    { label: 'email', text: user.email },
    { label: 'confirm', text: t.buttons.confirm },
  ];
}

export const REGISTER_LABELS = registerSteps({ id: 0, firstName: '', phone: '', email: '' }).map(
  (step) => step.label,
);

/**
 * Step `n` (1-based) of an endless conversation: /start, the register button,
 * then a 5-step cycle phone → wrong email → email (summary) → Back → Back
 * (to the phone step again). It visits every waiting state of the flow and
 * calls the domain twice per cycle, but never ends. Steps 10 and 500 are at
 * the same point of the cycle (the summary, the largest snapshot).
 */
export function longConversationStep(user: BenchUser, n: number): Step {
  if (n === 1) return { label: '/start', text: '/start' };
  if (n === 2) return { label: 'menu→register', text: t.menu.register };
  const cycle: Step[] = [
    { label: 'phone', text: user.phone },
    { label: 'wrong email', text: 'not-an-email' },
    { label: 'email', text: user.email },
    { label: 'back', text: t.buttons.back },
    { label: 'back', text: t.buttons.back },
  ];
  return cycle[(n - 3) % cycle.length]!;
}

/** Texts the recording sender watches for: a finished registration, an error boundary reply. */
export const MARKERS = { registered: t.register.done, failed: t.common.somethingWentWrong };
