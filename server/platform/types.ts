/**
 * Fastify type augmentation: what the platform decorates onto the instance and each request.
 */
import type { Db, DialectName } from '../db/create-db.ts';
import type { Config } from '../config/config.ts';
import type { Actor } from './actor.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dialect: DialectName;
    config: Readonly<Config>;
  }
  interface FastifyRequest {
    /** Who is calling: set by the auth plugin on every request (anonymous when not logged in) */
    actor: Actor;
    /** The raw session cookie value when the request came with a live session */
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Routes a user who must change the one-time password may still call */
    allowWithPendingPasswordChange?: boolean;
  }
}

export {};
