/** An email read back from an .eml file, decoded. */
export interface EmlEmail {
  to: string;
  subject: string;
  /** The Date header as ISO time, or null. */
  date: string | null;
  text: string;
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) in a header value. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

/**
 * Parses a single-part text email as nodemailer's stream transport writes it
 * to the outbox folder (src/domain/mail/transport.ts with SMTP_URL unset):
 * headers, a blank line, the text in base64 or quoted-printable. The
 * playground's mail panel and the end-to-end tests read link codes with it.
 */
export function parseEml(raw: string): EmlEmail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = (split === -1 ? raw : raw.slice(0, split)).replace(/\r?\n[ \t]+/g, ' ');
  const body = split === -1 ? '' : raw.slice(split).trim();
  const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  const date = new Date(header('Date'));
  return {
    to: decodeHeader(header('To')),
    subject: decodeHeader(header('Subject')),
    date: Number.isNaN(date.getTime()) ? null : date.toISOString(),
    text,
  };
}
