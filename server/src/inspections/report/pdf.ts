import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findOnPath } from '@opsdesk/runtime';
import { renderHtml, type RenderOptions } from './html';
import type { InspectionReport } from './model';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const DEFAULT_TIMEOUT_MS = 60_000;
const STDERR_TAIL = 4000;

export interface PdfOptions extends RenderOptions {
  /** Chromium (or Chrome) binary; config `inspections.chromium`, default /usr/bin/chromium. */
  chromium?: string;
  /** Kill Chromium after this long; default 60 s. */
  timeoutMs?: number;
}

/** Why a PDF could not be made, with the program and the fix in the message. */
export class PdfRenderError extends Error {
  constructor(
    message: string,
    readonly chromium: string,
  ) {
    super(message);
    this.name = 'PdfRenderError';
  }
}

/**
 * Flags for a one-shot print: no sandbox (the server often runs as a service user in a container
 * where the setuid sandbox cannot start), nothing phoned home, no profile reused between runs.
 */
export function chromiumArgs(userDataDir: string, pdfFile: string, htmlUrl: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-extensions',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--mute-audio',
    '--hide-scrollbars',
    `--user-data-dir=${userDataDir}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${pdfFile}`,
    htmlUrl,
  ];
}

// One Chromium at a time: a print takes ~150 MB and most of a core; parallel exports queue.
let queue: Promise<unknown> = Promise.resolve();

/**
 * The report as a PDF, printed by headless Chromium from renderHtml's page (A4, Noto CJK for the
 * Chinese text). The HTML, the profile and the PDF live in a fresh temp dir removed afterwards.
 */
export function renderPdf(report: InspectionReport, opts: PdfOptions = {}): Promise<Buffer> {
  const run = queue.then(
    () => printPdf(report, opts),
    () => printPdf(report, opts),
  );
  queue = run.catch(() => undefined);
  return run;
}

async function printPdf(report: InspectionReport, opts: PdfOptions): Promise<Buffer> {
  const chromium = opts.chromium ?? DEFAULT_CHROMIUM;
  if (!findOnPath(chromium)) {
    throw new PdfRenderError(
      `the PDF report needs Chromium, and ${chromium} is not an executable file: install it (apt-get install -y chromium) or set inspections.chromium in the server config to the Chromium or Chrome binary`,
      chromium,
    );
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'opsdesk-report-'));
  try {
    const htmlFile = path.join(dir, 'report.html');
    const pdfFile = path.join(dir, 'report.pdf');
    await writeFile(htmlFile, renderHtml(report, opts), 'utf8');
    await runChromium(
      chromium,
      chromiumArgs(path.join(dir, 'profile'), pdfFile, pathToFileURL(htmlFile).href),
      opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    let pdf: Buffer;
    try {
      pdf = await readFile(pdfFile);
    } catch {
      throw new PdfRenderError(`${chromium} exited without writing the PDF (${pdfFile})`, chromium);
    }
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new PdfRenderError(`${chromium} wrote a file that is not a PDF (${pdf.length} bytes)`, chromium);
    }
    return pdf;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function runChromium(chromium: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout kills the renderer and zygote children too.
    const child = spawn(chromium, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL);
    });
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(
        new PdfRenderError(
          `could not start ${chromium} for the PDF report: ${err.message}; install Chromium (apt-get install -y chromium) or set inspections.chromium`,
          chromium,
        ),
      );
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      // the browser may leave helpers behind in its group even on success
      killGroup();
      if (timedOut) {
        reject(
          new PdfRenderError(
            `${chromium} did not print the PDF report within ${timeoutMs} ms and was killed`,
            chromium,
          ),
        );
      } else if (code !== 0) {
        const tail = stderr.trim().split('\n').slice(-5).join('\n');
        reject(
          new PdfRenderError(
            `${chromium} failed to print the PDF report (${signal ? `signal ${signal}` : `exit code ${code}`})${
              tail ? `: ${tail}` : ''
            }; check that it runs headless here (${chromium} --headless --no-sandbox --print-to-pdf=/tmp/x.pdf about:blank)`,
            chromium,
          ),
        );
      } else {
        resolve();
      }
    });
  });
}
