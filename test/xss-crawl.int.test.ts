/**
 * XSS probes in every public field: after a first start with the demo data, a script-and-handler
 * payload is appended to every free-text column of every table (titles, names, texts, summaries,
 * notes, problems, reasons …, not the sanitised HTML bodies, which are cleaned when saved and tested
 * per module). Then every public page reachable from the start page is crawled: none may contain the
 * payload unescaped, and none may fail. A new module's public page with an unescaped field fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { createDb, type Db } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { ensureFirstStart } from '../server/db/seeds/first-start.ts';
import { loadConfig } from '../server/config/config.ts';
import { buildApp } from '../server/app.ts';
import type { FastifyInstance } from 'fastify';

const PAYLOAD = `"'><script>alert('xss')</script><img src=x onerror=alert(1)>`;
/** What must never appear in a page: the payload's tags and handler as markup. */
const RAW = [/<script>alert\('xss'\)/i, /<img src=x onerror=/i];
const FREE_TEXT = /(^|_)(title|name|short_name|display_name|text|summary|public_summary|description|note|notes|problem|requirement|reason|content|label|comment|answer|question|subject|issuer|body_text|topic|party|column_name|interpreter|speaker|location|source|basis|measures|result|explanation|disposition_reason)$/;
const NOT_FREE_TEXT = /html|hash|token|key|code|url|state|kind|status|number|_on$|_at$|^id$|_id$|mime|file_name|username|email|phone|id_number/;
const START = ['/', '/portal', '/portal/statutory', '/portal/units', '/portal/search?q=公开', '/portal/consultations', '/portal/gazette', '/portal/normative', '/portal/normative/valid-list',
  '/portal/interpretations', '/portal/annual-reports', '/portal/inspections', '/portal/evaluations', '/portal/decisions', '/progress', '/apply', '/track', '/portal/feed.atom', '/portal/feed.rss'];
const MAX_PAGES = 600;

describe('XSS probes in every public field (demo data, SQLite)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-xss-'));
  const file = path.join(dir, 'xss.sqlite');
  let db: Db;
  let app: FastifyInstance;
  const probed: string[] = [];

  beforeAll(async () => {
    db = createDb(file).db;
    await migrateToLatest(db);
    await ensureFirstStart(db, { demoData: true });
    const raw = new SQLite(file);
    try {
      const tables = (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' AND name NOT LIKE 'kysely_%' AND name NOT IN ('audit_log', 'session', 'user')`).all() as { name: string }[]).map((r) => r.name);
      for (const t of tables) {
        const cols = (raw.prepare(`PRAGMA table_info("${t}")`).all() as { name: string; type: string }[])
          .filter((c) => /text/i.test(c.type) && FREE_TEXT.test(c.name) && !NOT_FREE_TEXT.test(c.name));
        for (const c of cols) {
          const n = raw.prepare(`UPDATE "${t}" SET "${c.name}" = "${c.name}" || ? WHERE "${c.name}" IS NOT NULL AND "${c.name}" <> ''`).run(PAYLOAD).changes;
          if (n) probed.push(`${t}.${c.name}`);
        }
      }
    } finally {
      raw.close();
    }
    const config = loadConfig({ logLevel: 'silent', databaseUrl: file, dataDir: dir, demoData: false }, {});
    app = await buildApp(config, { db: { db, dialect: 'sqlite' } });
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renders the payload inert on every public page reachable from the start page', async () => {
    expect(probed.length).toBeGreaterThan(40);
    const seen = new Set<string>();
    const queue = [...START];
    const problems: string[] = [];
    let withPayload = 0;
    while (queue.length && seen.size < MAX_PAGES) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await app.inject({ method: 'GET', url });
      if (res.statusCode >= 500) problems.push(`${url} → ${res.statusCode}`);
      if (res.statusCode !== 200) continue;
      const body = res.body;
      for (const re of RAW) if (re.test(body)) problems.push(`${url}: unescaped ${re}`);
      if (body.includes('alert(') || body.includes('alert&#')) withPayload++;
      if (!/html|xml/.test(String(res.headers['content-type']))) continue;
      for (const m of body.matchAll(/href="(\/[^"#]*)"/g)) {
        const link = m[1]!.replace(/&amp;/g, '&');
        if (link.startsWith('/admin') || link.startsWith('/api') || link.startsWith('/assets') || /\.(css|js|png|pdf|docx|xlsx)(\?|$)/.test(link) || /\/attachments\//.test(link)) continue;
        if (!seen.has(link)) queue.push(link);
      }
    }
    console.log(`XSS crawl: payload in ${probed.length} columns; ${seen.size} public pages crawled, ${withPayload} showing the payload (escaped)`);
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThan(100);
    expect(withPayload).toBeGreaterThan(50);
  }, 600_000);
});
