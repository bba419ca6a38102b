import type { Logger } from '@opsdesk/runtime';
import type { ServerConfig } from './config';
import type { Db } from './db';
import type { ServerMetrics } from './metrics';
import type { SlaPolicies } from './sla/policy';

/** What every domain service needs; built once at start and passed down. */
export interface AppContext {
  db: Db;
  config: ServerConfig;
  sla: SlaPolicies;
  log: Logger;
  metrics: ServerMetrics;
  now(): number;
}
