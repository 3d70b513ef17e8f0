/**
 * Child process of bench/run.ts: serves one app on 127.0.0.1 (a free port) so that the load
 * generator (autocannon, in the parent) and the server under test do not share one event loop.
 *
 *   parent → child  { kind: 'bare', body } | { kind: 'app', databaseUrl, dataDir, config? }
 *   child → parent  { type: 'ready', port } | { type: 'failed', error }
 *   parent → child  'cpu'     child → parent  { type: 'cpu', micros }   (CPU time used so far)
 *   parent → child  'close'   (the child closes its server and database, then exits)
 *
 * Not meant to be run by hand.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { loadConfig, type Config } from '../server/config/config.ts';

export type ServerRequest = { kind: 'bare'; body: string } | { kind: 'app'; databaseUrl: string; dataDir: string; config?: Partial<Config> };
export type ServerMessage = { type: 'ready'; port: number } | { type: 'failed'; error: string } | { type: 'cpu'; micros: number };

if (!process.send) {
  console.error('bench/server.ts is started by bench/run.ts (npm run bench)');
  process.exit(2);
}

const send = (message: ServerMessage) => process.send!(message);
let app: FastifyInstance | null = null;
let stopping = false;

async function start(request: ServerRequest): Promise<number> {
  if (request.kind === 'bare') {
    // The reference: plain Fastify, no logger, no plugins, one small JSON route — and, as a second
    // reference, a route sending a fixed JSON text of the list's size (no database, no serialising).
    app = Fastify();
    app.get('/', async () => ({ ok: true }));
    const body = request.body;
    app.get('/body', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
  } else {
    // The real application as an installation runs it (it opens the database itself), logger off.
    // An empty environment: DATABASE_URL and friends of the calling shell must not leak in.
    const config = loadConfig({
      databaseUrl: request.databaseUrl, dataDir: request.dataDir, host: '127.0.0.1', port: 0,
      logLevel: 'silent', demoData: false, jobIntervalSeconds: 0, ...request.config,
    }, {});
    app = await buildApp(config);
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (app) await app.close();
  if (process.connected) process.disconnect();
  // process.exit (not a natural end) so that --cpu-prof writes its profile and nothing lingers.
  process.exit(0);
}

process.on('message', (message: unknown) => {
  if (message === 'close') {
    void stop();
  } else if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    send({ type: 'cpu', micros: user + system });
  } else {
    start(message as ServerRequest).then(
      (port) => send({ type: 'ready', port }),
      (error: unknown) => send({ type: 'failed', error: error instanceof Error ? error.stack ?? error.message : String(error) }),
    );
  }
});
// The parent went away (crashed or was interrupted): do not linger.
process.on('disconnect', () => void stop());
