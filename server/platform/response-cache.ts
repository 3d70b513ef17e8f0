/**
 * One mechanism for hot, read-mostly responses (a published list, the public progress pages): the
 * rendered body is kept per key together with a cheap version fingerprint read from the database on
 * every request, so a change made by any server process is seen at once. Clients get an ETag (and
 * 304 Not Modified), and a gzip body when they accept it, compressed once per version.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

interface Entry {
  version: string;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 1000) {}

  /**
   * Sends the response for `key`: from the cache when `version` still matches, else rendered by
   * `render` (which returns the body text) and kept.
   */
  async send(request: FastifyRequest, reply: FastifyReply, opts: { key: string; version: string; contentType: string; render: () => Promise<string> }): Promise<FastifyReply> {
    let e = this.entries.get(opts.key);
    if (!e || e.version !== opts.version) {
      const body = Buffer.from(await opts.render(), 'utf8');
      e = {
        version: opts.version, body, gzip: body.length > 1024 ? gzipSync(body, { level: 6 }) : null,
        etag: `"${createHash('sha1').update(opts.key).update('\0').update(opts.version).digest('base64url')}"`,
      };
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(opts.key, e);
    }
    reply.header('etag', e.etag).header('cache-control', 'no-cache').header('vary', 'accept-encoding, cookie, authorization');
    if (request.headers['if-none-match'] === e.etag) return reply.status(304).send();
    reply.type(opts.contentType);
    if (e.gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(e.gzip);
    return reply.send(e.body);
  }
}
