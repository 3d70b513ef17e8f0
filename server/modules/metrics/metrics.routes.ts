/**
 * GET /metrics in the Prometheus text format (prom-client, one registry per app). Routes are labelled
 * by their template (`/api/v1/lists/:id`), never by the URL, so no id or query text reaches a label.
 */
import type { FastifyInstance } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { today } from '../../platform/clock.ts';
import { AppError, AuthenticationError } from '../../platform/errors.ts';
import { deliveryCounts } from '../notifications/index.ts';
import { requestGauges } from '../requests/index.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function metricsPlugin(app: FastifyInstance): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gongkai_' });
  const requests = new Counter({ name: 'gongkai_http_requests_total', help: 'HTTP requests answered, by method, route template and status', labelNames: ['method', 'route', 'status'] as const, registers: [registry] });
  const latency = new Histogram({
    name: 'gongkai_http_request_duration_seconds', help: 'Time to answer HTTP requests, by method and route template', labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5], registers: [registry],
  });
  const db = app.db;
  new Gauge({
    name: 'gongkai_job_queue', help: 'Deliveries of the notification outbox by status (pending = still to send)', labelNames: ['status'] as const, registers: [registry],
    async collect() {
      const counts = await deliveryCounts(db);
      for (const status of ['pending', 'sent', 'failed']) this.set({ status }, counts[status] ?? 0);
    },
  });
  new Gauge({
    name: 'gongkai_disclosure_requests', help: 'Open disclosure requests, and those past their reply date (state=overdue)', labelNames: ['state'] as const, registers: [registry],
    async collect() {
      const g = await requestGauges(db, today());
      this.set({ state: 'open' }, g.open);
      this.set({ state: 'overdue' }, g.overdue);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    const labels = { method: request.method, route };
    requests.inc({ ...labels, status: String(reply.statusCode) });
    latency.observe(labels, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const token = app.config.metricsToken;
    if (token) {
      const sent = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
      if (!sameSecret(sent, token)) throw new AuthenticationError('METRICS_TOKEN_REQUIRED', '读取监控指标需要 GONGKAI_METRICS_TOKEN 令牌');
    } else if (!LOOPBACK.has(request.socket.remoteAddress ?? '') || request.headers['x-forwarded-for'] !== undefined) {
      // without a token only the server itself reads them: a request relayed by a proxy on this machine is not local
      throw new AppError('METRICS_LOCAL_ONLY', '监控指标只能从本机读取（或设置 GONGKAI_METRICS_TOKEN）', 403);
    }
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
