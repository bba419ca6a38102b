import { freePort } from './net';
import { startService } from './process';

test('startService fails at once, with the program output, when the program exits before it is ready', async () => {
  const port = await freePort();
  const started = Date.now();
  await expect(
    startService({
      command: process.execPath,
      args: ['-e', 'console.error("config.yml:3: listen: invalid"); process.exit(2)'],
      readyUrl: `http://127.0.0.1:${port}/-/ready`,
    }),
  ).rejects.toThrow(/exited \(2\) before it was ready; its output:\nconfig\.yml:3: listen: invalid/);
  expect(Date.now() - started).toBeLessThan(5000);
});

test('startService returns once the program answers, and stop() ends it', async () => {
  const port = await freePort();
  const service = await startService({
    command: process.execPath,
    args: ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`],
    readyUrl: `http://127.0.0.1:${port}/-/ready`,
  });
  expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
  expect(await service.stop()).toBeNull(); // ended by SIGTERM
});
