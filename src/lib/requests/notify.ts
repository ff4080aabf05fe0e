/**
 * An optional email to the team when an accessible-format request arrives, so nobody has to
 * watch the queue to keep the 5 working day promise.
 *
 * Off unless SMTP_URL is set. The email goes to the team only (REQUESTS_NOTIFY_TO), never to
 * the person who asked. It holds their contact details, so failures are logged by reference
 * alone (see notifySafely).
 */
import { createTransport } from 'nodemailer';
import type { SMTPTransportOptions } from 'nodemailer';
import { formatLongDate, londonDateTime } from '../dates/format.ts';
import { formatLabels, replyMethodLabels } from './schema.ts';
import type { FormatRequest } from './schema.ts';
import type { RequestRecord } from './store.ts';

export interface Notifier {
  /** Rejects if the email could not be handed to the SMTP server; see notifySafely. */
  send(record: RequestRecord): Promise<void>;
}

export interface NotificationMessage {
  subject: string;
  text: string;
}

export const DEFAULT_NOTIFY_FROM = 'no-reply@localhost';

/** Thrown at start-up for settings that cannot work, so a typo is not found a request later. */
export class NotifyConfigError extends Error {
  override readonly name = 'NotifyConfigError';
}

/** When it arrived, in London time: staff count working days from the London date. */
function receivedAt(createdAt: string): string {
  return `${londonDateTime(createdAt)} (London time)`;
}

/** One "Label: value" line; later lines of a multi-line value (an address) are indented under it. */
function field(label: string, value: string | undefined): string {
  const shown = value === undefined || value === '' ? 'Not given' : value;
  return `${label}: ${shown.split(/\r\n|\r|\n/).join('\n  ')}`;
}

function formatLines(request: FormatRequest): string[] {
  const lines = [field('Format', formatLabels[request.format])];
  if (request.format === 'other') lines.push(field('Format they asked for', request.formatOther));
  return lines;
}

/** Only the details for the chosen way to reply are kept (see toFormatRequest in schema.ts). */
function contactLines(request: FormatRequest): string[] {
  const lines = [field('Name', request.name), field('How to reply', replyMethodLabels[request.replyBy])];
  if (request.replyBy === 'email') lines.push(field('Email address', request.email));
  if (request.replyBy === 'phone') lines.push(field('Phone number', request.phone));
  if (request.replyBy === 'post') lines.push(field('Address', request.address), field('Postcode', request.postcode));
  return lines;
}

/** The email for one request: pure, so it can be tested without a mail server. */
export function messageFor(record: RequestRecord): NotificationMessage {
  const { request } = record;
  const replyBy = formatLongDate(record.replyByDate);
  const lines = [
    'A new accessible format request has arrived.',
    '',
    field('Reference', record.reference),
    field('Received', receivedAt(record.createdAt)),
    field('Reply by', replyBy),
    '',
    'The document',
    field('Title', request.documentTitle),
    field('Document ID', request.documentId),
    ...formatLines(request),
    field('Assistive technology they use', request.assistiveTechnology),
    '',
    'The person',
    ...contactLines(request),
    '',
    field('Anything else they told us', request.anythingElse),
    '',
    'This email holds personal data: delete it once you have dealt with the request.',
  ];
  return { subject: `Accessible format request ${record.reference}: reply by ${replyBy}`, text: `${lines.join('\n')}\n` };
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

function parseSmtpUrl(smtpUrl: string): URL {
  try {
    return new URL(smtpUrl);
  } catch {
    // The URL may hold a password, so it is not repeated in the message.
    throw new NotifyConfigError('SMTP_URL is not a valid URL: expected something like smtp://user:pass@mail.example.org:587');
  }
}

function transportOptions(smtpUrl: string): SMTPTransportOptions {
  const url = parseSmtpUrl(smtpUrl);
  return {
    url: smtpUrl,
    // A local test sink or relay has no certificate for STARTTLS; nothing leaves the machine.
    ...(url.protocol === 'smtp:' && isLoopback(url.hostname) ? { ignoreTLS: true } : {}),
    // Nodemailer waits up to 2 minutes to connect and 10 minutes on a quiet socket by default;
    // a stuck mail server should fail in seconds, not hold a request open.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

function requiredSetting(env: Record<string, string | undefined>, name: string, why: string): string {
  const value = env[name]?.trim();
  if (!value) throw new NotifyConfigError(`${name} must be set when SMTP_URL is set: ${why}`);
  return value;
}

/** The notifier the environment asks for, or undefined when email is switched off (no SMTP_URL). */
export function notifierFromEnv(env: Record<string, string | undefined>): Notifier | undefined {
  const smtpUrl = env['SMTP_URL']?.trim();
  if (!smtpUrl) return undefined;
  const to = requiredSetting(env, 'REQUESTS_NOTIFY_TO', 'it is the address new request emails go to');
  const from = env['REQUESTS_NOTIFY_FROM']?.trim() || DEFAULT_NOTIFY_FROM;
  const transport = createTransport(transportOptions(smtpUrl));
  return {
    async send(record) {
      const { subject, text } = messageFor(record);
      await transport.sendMail({ from, to, subject, text });
    },
  };
}

/** Line breaks and other control characters in a server's reply could forge extra log lines. */
function oneLine(message: string): string {
  return message.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

/**
 * Sends the email if email is switched on, and never throws: the request is already stored,
 * so a mail problem must not turn into an error page. Logs the reference and the error
 * message only, never anything the person told us.
 */
export async function notifySafely(
  notifier: Notifier | undefined,
  record: RequestRecord,
  log: (message: string) => void = console.error,
): Promise<void> {
  if (!notifier) return;
  try {
    await notifier.send(record);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`Could not send the notification email for ${record.reference}: ${oneLine(reason)}`);
  }
}
