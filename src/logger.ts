import pino, { type Logger } from 'pino';

/** The application's structured logger (JSON lines on stdout). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'daily-rental-bot' }, redact: ['*.password', '*.code', '*.token'] });
}
