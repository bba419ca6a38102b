// Helpers the exporters' benchmarks share (plain JS: benchmarks run the built code, not the sources).
const { readFileSync } = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');

const freePort = () =>
  new Promise((r) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => r(port));
    });
  });

/** Resident set size of a process, MB. */
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

/** One HTTP request to 127.0.0.1; resolves with the status and the time it took, ms. */
function request(port, method, pathname, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Polls GET /-/ready (or `pathname`) until it answers 200, for at most 10 s. */
async function waitReady(port, pathname = '/-/ready') {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await request(port, 'GET', pathname)).status === 200) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing ready on port ${port}${pathname} after 10 s`);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

const machine = () =>
  `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;

module.exports = { freePort, rssMb, cpuSeconds, request, waitReady, percentile, machine };
