import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the demo's additions to the server's example config live (notify, people, oncall). */
export const DEMO_SERVER_FRAGMENT = path.join(__dirname, '..', 'server.demo.yml');

/** The environment variables the demo config takes its robots' addresses from. */
export const DEMO_ROBOT_ENV = {
  team: 'OPSDESK_DEMO_TEAM_WECOM_URL',
  oncall: 'OPSDESK_DEMO_ONCALL_WECOM_URL',
} as const;

/**
 * The server config `npm start` runs: server/server.example.yml followed by demo/server.demo.yml.
 * The two are joined as text, not merged, so that a key both define is YAML's duplicate-key error
 * at start-up instead of one file silently winning: the example keeps notify, people and oncall
 * commented out, and the demo test loads the joined file through the server's own schema.
 */
export function demoServerConfig(root: string): string {
  const example = readFileSync(path.join(root, 'server', 'server.example.yml'), 'utf8');
  const demo = readFileSync(DEMO_SERVER_FRAGMENT, 'utf8');
  return (
    '# Written by scripts/start.js for `npm start`: server/server.example.yml, then demo/server.demo.yml.\n' +
    `${example.trimEnd()}\n\n${demo}`
  );
}
