import { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the SMTP sink received it, decoded enough to read. */
export type Received = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  raw: string;
};

export const SMTP_USER = 'postplan-mailer';
export const SMTP_PASSWORD = 'smtp-password-not-for-logs';

/**
 * A local SMTP server standing in for the mail provider. It checks the credentials, and can be
 * told to refuse a recipient for good (550) or for now (451).
 */
export class SmtpSink {
  readonly messages: Received[] = [];
  readonly refuse = new Map<string, 'permanent' | 'temporary'>();
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth: (auth, _session, cb) =>
        auth.username === SMTP_USER && auth.password === SMTP_PASSWORD
          ? cb(null, { user: auth.username })
          : cb(new Error('Invalid credentials')),
      onRcptTo: (address, _session, cb) => {
        const refusal = this.refuse.get(address.address);
        if (!refusal) return cb();
        const err = new Error(refusal === 'permanent' ? 'No such mailbox' : 'Try again later');
        (err as Error & { responseCode: number }).responseCode =
          refusal === 'permanent' ? 550 : 451;
        return cb(err);
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.messages.push({
            ...parseMail(raw),
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          cb();
        });
      },
    });
  }

  listen(): Promise<number> {
    return new Promise((resolve) => {
      this.server.listen(0, '127.0.0.1', () =>
        resolve((this.server.server.address() as AddressInfo).port),
      );
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  to(address: string): Received[] {
    return this.messages.filter((m) => m.to.includes(address));
  }
}

function decodeWords(header: string): string {
  return header.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQp(data.replace(/_/g, ' ')),
  );
}

function decodeQp(s: string): string {
  const bytes = s
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function parseMail(raw: string): Omit<Received, 'to' | 'raw'> {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) =>
    decodeWords(new RegExp(`^${name}: (.*)$`, 'im').exec(unfolded)?.[1] ?? '');
  const body = rest.join('\r\n\r\n');
  const part = (type: string) => {
    const m = new RegExp(
      `Content-Type: ${type}[^]*?Content-Transfer-Encoding: ([\\w-]+)\\r?\\n\\r?\\n([^]*?)\\r?\\n--`,
      'i',
    ).exec(body);
    if (!m) return '';
    const enc = m[1]!.toLowerCase();
    return enc === 'base64' ? Buffer.from(m[2]!, 'base64').toString('utf8') : decodeQp(m[2]!);
  };
  return {
    from: header('From'),
    subject: header('Subject'),
    text: part('text/plain'),
    html: part('text/html'),
  };
}
