/**
 * How a notification leaves the platform: e-mail over SMTP (nodemailer) and a group-robot webhook
 * signed as DingTalk / 浙政钉 robots expect (timestamp + HMAC-SHA256 of "timestamp\nsecret").
 */
import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';

export interface OutgoingMessage {
  title: string;
  body: string;
  link: string | null;
}

export interface Transports {
  email?: (to: string, msg: OutgoingMessage) => Promise<void>;
  webhook: (url: string, secret: string | null, msg: OutgoingMessage) => Promise<void>;
}

/** An SMTP sender for `smtpUrl` (e.g. smtp://user:pass@mail.example.gov.cn:587). */
export function smtpTransport(smtpUrl: string, from: string): Transports['email'] {
  const transporter = nodemailer.createTransport(smtpUrl);
  return async (to, msg) => {
    await transporter.sendMail({ from, to, subject: msg.title, text: msg.link ? `${msg.body}\n\n${msg.link}` : msg.body });
  };
}

/** The signed URL a DingTalk-style robot accepts: `&timestamp=…&sign=…` appended. */
export function signedWebhookUrl(url: string, secret: string, timestamp: number): string {
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestamp));
  u.searchParams.set('sign', sign);
  return u.toString();
}

/** Posts a text message to a robot webhook; a non-2xx answer or a non-zero `errcode` is a failure. */
export async function postWebhook(url: string, secret: string | null, msg: OutgoingMessage, now: number = Date.now()): Promise<void> {
  const target = secret ? signedWebhookUrl(url, secret, now) : url;
  const res = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ msgtype: 'text', text: { content: `${msg.title}\n${msg.body}${msg.link ? `\n${msg.link}` : ''}` } }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`webhook HTTP ${res.status}: ${text.slice(0, 200)}`);
  try {
    const body = JSON.parse(text) as { errcode?: number; errmsg?: string };
    if (body.errcode !== undefined && body.errcode !== 0) throw new Error(`webhook errcode ${body.errcode}: ${body.errmsg ?? ''}`);
  } catch (e) {
    if (e instanceof SyntaxError) return; // a robot that answers with plain text and 2xx accepted it
    throw e;
  }
}
