import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import {
  messageFor,
  notifierFromEnv,
  notifySafely,
  NotifyConfigError,
  type Notifier,
} from '../../src/lib/requests/notify';
import type { RequestRecord } from '../../src/lib/requests/store';
import { requestByEmail, requestByPost } from '../support/request-fixtures.ts';

const byEmail: RequestRecord = {
  reference: 'AF-2026-4K7Q9M2X',
  // 14:05 UTC is 14:05 GMT in November.
  createdAt: '2026-11-23T14:05:00.000Z',
  replyByDate: '2026-11-30',
  status: 'new',
  request: requestByEmail,
};

const byPost: RequestRecord = {
  reference: 'AF-2026-7H3MWQ9P',
  // 23:30 UTC on 30 June is 00:30 BST on 1 July.
  createdAt: '2026-06-30T23:30:00.000Z',
  replyByDate: '2026-07-08',
  status: 'new',
  request: requestByPost,
};

const team = 'requests-team@example.org';

describe('messageFor', () => {
  it('puts the reference and the long reply-by date in the subject', () => {
    expect(messageFor(byEmail).subject).toBe('Accessible format request AF-2026-4K7Q9M2X: reply by 30 November 2026');
  });

  it('labels every field of an email request in plain English', () => {
    const { text } = messageFor(byEmail);
    expect(text).toContain('Reference: AF-2026-4K7Q9M2X');
    expect(text).toContain('Received: 23 November 2026 at 14:05 (London time)');
    expect(text).toContain('Reply by: 30 November 2026');
    expect(text).toContain('Title: Your right of review');
    expect(text).toContain('Document ID: right-of-review');
    expect(text).toContain('Format: Large print');
    expect(text).toContain('Assistive technology they use: Not given');
    expect(text).toContain('Name: Sam Jones');
    expect(text).toContain('How to reply: Email');
    expect(text).toContain('Email address: sam@example.com');
    expect(text).toContain('Anything else they told us: Not given');
    // Only the details for the chosen way to reply.
    expect(text).not.toContain('Phone number');
    expect(text).not.toContain('Postcode');
  });

  it('shows a postal request with the other format, the London date and the address lines', () => {
    const { text } = messageFor(byPost);
    expect(text).toContain('Received: 1 July 2026 at 00:30 (London time)');
    expect(text).toContain('Format: Another format');
    expect(text).toContain('Format they asked for: Moon type');
    expect(text).toContain('Assistive technology they use: Screen magnifier');
    expect(text).toContain('How to reply: Post');
    expect(text).toContain('Address: 169 Union Street\n  London');
    expect(text).toContain('Postcode: SE1 0LL');
    expect(text).toContain('Anything else they told us: Two copies, please.');
    expect(text).toContain('Document ID: Not given');
    expect(text).not.toContain('Email address');
  });
});

describe('notifierFromEnv', () => {
  it('is off without SMTP_URL', () => {
    expect(notifierFromEnv({})).toBeUndefined();
    expect(notifierFromEnv({ SMTP_URL: '', REQUESTS_NOTIFY_TO: team })).toBeUndefined();
  });

  it('names REQUESTS_NOTIFY_TO when SMTP_URL is set without it', () => {
    expect(() => notifierFromEnv({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow(NotifyConfigError);
    expect(() => notifierFromEnv({ SMTP_URL: 'smtp://127.0.0.1:2525', REQUESTS_NOTIFY_TO: ' ' })).toThrow(
      /REQUESTS_NOTIFY_TO must be set when SMTP_URL is set/,
    );
  });

  it('does not repeat a malformed SMTP_URL, which may hold a password', () => {
    expect(() => notifierFromEnv({ SMTP_URL: 'not a url secret-pass', REQUESTS_NOTIFY_TO: team })).toThrow(
      /^SMTP_URL is not a valid URL(?!.*secret-pass)/,
    );
  });
});

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A local SMTP sink that keeps every message it is given. */
async function startSink(): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const { mailFrom, rcptTo } = session.envelope;
        received.push({
          from: mailFrom ? mailFrom.address : '',
          to: rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, received };
}

/** A port nothing listens on: bind one, note it, let it go. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Long headers are folded over several lines; unfolding (RFC 5322 2.2.3) removes each CRLF. */
function header(raw: string, name: string): string | undefined {
  const head = raw.split('\r\n\r\n')[0] ?? '';
  const unfolded = head.replace(/\r\n(?=[ \t])/g, '');
  const line = unfolded.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

const servers: SMTPServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

function requireNotifier(env: Record<string, string>): Notifier {
  const notifier = notifierFromEnv(env);
  if (!notifier) throw new Error('Expected a notifier');
  return notifier;
}

describe('sending', () => {
  it('delivers the message to the team address with the right subject', async () => {
    const sink = await startSink();
    servers.push(sink.server);
    const notifier = requireNotifier({
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      REQUESTS_NOTIFY_TO: team,
      REQUESTS_NOTIFY_FROM: 'website@example.org',
    });

    await notifier.send(byEmail);

    expect(sink.received).toHaveLength(1);
    const [message] = sink.received;
    expect(message?.to).toEqual([team]);
    expect(message?.from).toBe('website@example.org');
    expect(header(message?.raw ?? '', 'Subject')).toBe(
      'Accessible format request AF-2026-4K7Q9M2X: reply by 30 November 2026',
    );
    expect(header(message?.raw ?? '', 'To')).toBe(team);
    expect(message?.raw).toContain('Reference: AF-2026-4K7Q9M2X');
  });

  it('sends from no-reply@localhost when REQUESTS_NOTIFY_FROM is not set', async () => {
    const sink = await startSink();
    servers.push(sink.server);
    await requireNotifier({ SMTP_URL: `smtp://localhost:${sink.port}`, REQUESTS_NOTIFY_TO: team }).send(byPost);
    expect(sink.received[0]?.from).toBe('no-reply@localhost');
  });
});

describe('notifySafely', () => {
  it('logs only the reference and the reason when the mail server cannot be reached', async () => {
    const port = await closedPort();
    const notifier = requireNotifier({ SMTP_URL: `smtp://127.0.0.1:${port}`, REQUESTS_NOTIFY_TO: team });
    const logged: string[] = [];

    await expect(notifySafely(notifier, byEmail, (line) => logged.push(line))).resolves.toBeUndefined();

    expect(logged).toHaveLength(1);
    const [line = ''] = logged;
    expect(line).toMatch(/^Could not send the notification email for AF-2026-4K7Q9M2X: \S/);
    for (const personal of ['Sam', 'Jones', 'sam@example.com', 'right of review']) {
      expect(line).not.toContain(personal);
    }
  });

  it('never throws, whatever the notifier throws, and keeps the log to one line', async () => {
    const failing: Notifier = {
      send: () => Promise.reject(new Error('550 rejected\r\nFAKE LOG LINE')),
    };
    const logged: string[] = [];
    await notifySafely(failing, byPost, (line) => logged.push(line));
    expect(logged).toEqual(['Could not send the notification email for AF-2026-7H3MWQ9P: 550 rejected FAKE LOG LINE']);
  });

  it('does nothing when email is switched off', async () => {
    const logged: string[] = [];
    await notifySafely(undefined, byEmail, (line) => logged.push(line));
    expect(logged).toEqual([]);
  });
});
