/**
 * A Kazakhstan number in E.164 as people write it: `+77011234567` →
 * `+7 701 123 45 67`. Telegram makes a number written so a tap-to-call link.
 * Anything else is returned as it is.
 */
export function formatKzPhone(e164: string): string {
  const parts = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return parts ? `+7 ${parts[1]} ${parts[2]} ${parts[3]} ${parts[4]}` : e164;
}
