/**
 * Real local peers for notification tests: an SMTP server (smtp-server) that keeps what arrives,
 * and an HTTP robot endpoint that checks DingTalk-style signatures.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  /** the decoded subject and body text */
  subject: string;
  text: string;
}

function decodeWords(s: string): string {
  return s.replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

/** Subject and text of a single-part mail as nodemailer sends it (base64 or quoted-printable). */
function decodeMail(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeWords(/^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '');
  const enc = /^Content-Transfer-Encoding: (.*)$/im.exec(unfolded)?.[1]?.trim().toLowerCase();
  const text = enc === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : enc === 'quoted-printable' ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
    : body;
  return { subject, text };
}

export async function startSmtp(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, ...decodeMail(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface ReceivedHook {
  path: string;
  body: { msgtype: string; text: { content: string } };
  signatureValid: boolean;
}

/** A robot endpoint; `fail` makes it answer 500 (to test retries). */
export async function startRobot(secret: string): Promise<{ url: string; hooks: ReceivedHook[]; fail: { on: boolean }; close(): Promise<void> }> {
  const hooks: ReceivedHook[] = [];
  const fail = { on: false };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const ts = u.searchParams.get('timestamp') ?? '';
      const expected = createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64');
      hooks.push({ path: u.pathname, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), signatureValid: u.searchParams.get('sign') === expected });
      if (fail.on) {
        res.writeHead(500).end('down');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/robot/send?access_token=abc`, hooks, fail, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
