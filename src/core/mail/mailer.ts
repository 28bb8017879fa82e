// Outgoing e-mail. Real SMTP through nodemailer when SMTP_URL is set; in development every message is
// also kept in the outbox table so it can be read at /dev/outbox without a mail server.
import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface OutboxEntry {
  id: number;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
}

export function createMailer(opts: { smtpUrl: string | undefined; from: string; keepInOutbox: boolean; db: Database; log: Logger }): Mailer {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  return {
    async send(message) {
      if (opts.keepInOutbox) {
        await sql`insert into core_outbox (recipient, subject, body_text) values (${message.to}, ${message.subject}, ${message.text})`.execute(opts.db.owner);
      }
      if (transport) {
        await transport.sendMail({ from: opts.from, to: message.to, subject: message.subject, text: message.text, ...(message.html ? { html: message.html } : {}) });
      } else if (!opts.keepInOutbox) {
        opts.log.warn('mail not sent: no SMTP_URL configured', { to: message.to, subject: message.subject });
      }
    },
  };
}

export async function readOutbox(db: Database, limit = 50): Promise<OutboxEntry[]> {
  const r = await sql<{ id: number; recipient: string; subject: string; body_text: string; created_at: Date }>`
    select id, recipient, subject, body_text, created_at from core_outbox order by id desc limit ${limit}`.execute(db.owner);
  return r.rows.map((row) => ({ id: row.id, to: row.recipient, subject: row.subject, text: row.body_text, createdAt: row.created_at }));
}
