import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

/** One message the test relay accepted: the envelope's recipients and the decoded content. */
export type ReceivedMail = {
  recipients: string[];
  headers: Map<string, string>;
  text: string;
  html: string;
};

export type TestSmtpRelay = {
  /** An `smtp://` URL of the relay, without TLS, for `SMTP_URL`. */
  url: string;
  received: ReceivedMail[];
  /** Makes the relay reject, at DATA with 554, every message to this address until accepted. */
  reject: (address: string) => void;
  accept: (address: string) => void;
  close: () => Promise<void>;
};

function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < joined.length; index++) {
    const hex = joined.slice(index + 1, index + 3);
    if (joined[index] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(joined[index]!, 'utf8'));
    }
  }

  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (encoding === 'quoted-printable') {
    return decodeQuotedPrintable(body);
  }

  return body;
}

/** Decodes RFC 2047 encoded words such as `=?UTF-8?Q?M=C3=A3?=` in a header value. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_whole, kind: string, text: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, end).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(
      line.slice(0, colon).trim().toLowerCase(),
      decodeHeader(line.slice(colon + 1).trim()),
    );
  }

  return { headers, body: raw.slice(end + 4) };
}

/** Reads the text and HTML parts of a `multipart/alternative` message, as nodemailer writes it. */
export function readMail(raw: string, recipients: string[]): ReceivedMail {
  const { headers, body } = splitEntity(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [];
  const decoded = { text: '', html: '' };
  for (const part of parts) {
    const entity = splitEntity(part.replace(/^\r\n/, ''));
    const content = decodeBody(entity.body, entity.headers.get('content-transfer-encoding'));
    if (entity.headers.get('content-type')?.startsWith('text/html')) {
      decoded.html = content;
    } else if (entity.headers.get('content-type')?.startsWith('text/plain')) {
      decoded.text = content;
    }
  }

  return { recipients, headers, ...decoded };
}

/**
 * Starts an SMTP relay on 127.0.0.1 and a free port, without TLS or authentication, that keeps
 * every message it accepts.
 */
export async function startTestSmtpRelay(): Promise<TestSmtpRelay> {
  const received: ReceivedMail[] = [];
  const rejected = new Set<string>();
  const relay = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const recipients = session.envelope.rcptTo.map((address) => address.address);
        if (recipients.some((address) => rejected.has(address))) {
          const error = Object.assign(new Error('Message rejected by the test relay'), {
            responseCode: 554,
          });
          callback(error);
          return;
        }
        received.push(readMail(Buffer.concat(chunks).toString('utf8'), recipients));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    received,
    reject: (address) => rejected.add(address),
    accept: (address) => rejected.delete(address),
    close: () => new Promise<void>((resolve) => relay.close(() => resolve())),
  };
}
