import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfigText } from '@opsdesk/runtime';
import { serverConfigSchema } from '../../server/src/config';
import { definitionOf } from '../../server/src/inspections/service';
import { DEMO_ROBOT_ENV, demoServerConfig } from './server-config';

// `npm start` imports the demo daily inspection (巡检): the config scripts/start.js writes to
// data/run/server.yml names the template file relative to that folder, and the file is a valid
// template by the server's own schema.

const ROOT = path.join(__dirname, '..', '..');
const ENV = {
  [DEMO_ROBOT_ENV.team]: 'http://127.0.0.1:1/cgi-bin/webhook/send?key=x',
  [DEMO_ROBOT_ENV.oncall]: 'http://127.0.0.1:1/cgi-bin/webhook/send?key=y',
};

test('the demo config imports the daily trading inspection, a valid template with manual items', () => {
  const config = parseConfigText(demoServerConfig(ROOT), 'server.yml', serverConfigSchema, ENV);
  expect(config.inspections.templates).toHaveLength(1);
  const file = path.resolve(ROOT, 'data', 'run', config.inspections.templates[0]!);
  expect(path.relative(ROOT, file)).toBe(path.join('provisioning', 'inspections', 'daily-trading.yml'));
  const { def } = definitionOf({ yaml: readFileSync(file, 'utf8') });
  expect(def.key).toBe('daily-trading');
  const items = def.layers.flatMap((l) => l.items);
  expect(items.filter((i) => i.kind === 'manual').map((i) => i.title)).toEqual(
    expect.arrayContaining(['检查撮合引擎错误日志', '核对清算文件']),
  );
});
