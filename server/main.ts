/**
 * Process entry: load config, build the app, prepare a first start, listen, close gracefully.
 */
import { loadConfig } from './config/config.ts';
import { buildApp } from './app.ts';
import { ensureFirstStart } from './db/seeds/first-start.ts';
import { startJobs } from './jobs/job-runner.ts';

/** Starts the server; resolves once it listens. */
export async function startServer(overrides: Parameters<typeof loadConfig>[0] = {}): Promise<void> {
  const config = loadConfig(overrides);
  const app = await buildApp(config);
  const first = await ensureFirstStart(app.db, { demoData: config.demoData });
  if (first.demo) {
    app.log.info(first.demo, 'demo data imported: Jiaxing directory and the 2020 responsibility list (published)');
  }
  startJobs(app);
  await app.listen({ port: config.port, host: config.host });
  if (first.admin) {
    // Printed once, on the console only: it is never logged to files or stored in clear.
    process.stdout.write(
      `\n==================== 公开 Gongkai ====================\n` +
      `首次启动：已创建政务公开办管理员账号（首次登录须修改密码）\n` +
      `  用户名 username: ${first.admin.username}\n` +
      `  一次性密码 one-time password: ${first.admin.oneTimePassword}\n` +
      `  地址: ${config.publicBaseUrl}/   API 文档: ${config.publicBaseUrl}/api/docs\n` +
      `======================================================\n\n`,
    );
  }
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
}
