/**
 * Metrics module: Prometheus metrics at GET /metrics — HTTP requests and latency per route, the
 * delivery outbox, open and overdue disclosure requests, and the process (CPU, memory, event loop).
 * Readable from the server itself (127.0.0.1 / ::1, not relayed by a proxy), or from anywhere with
 * `Authorization: Bearer $GONGKAI_METRICS_TOKEN` when that is set.
 */
export { metricsPlugin } from './metrics.routes.ts';
