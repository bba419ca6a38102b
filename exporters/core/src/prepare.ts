import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, formatConfigPath } from '@opsdesk/runtime';

/** Where in the config a problem lies: `['participants', 2, 'channels', 0, 'drop', 'path']`. */
export type ConfigPath = ReadonlyArray<string | number>;

/**
 * What `prepare` found wrong with a config on this machine. An error stops the exporter before it
 * serves (and makes `--check-config` exit 2); a warning is something the exporter watches and
 * reports in its own metrics once running (a drop folder not mounted yet), so it is said and the
 * exporter starts.
 */
export interface ConfigProblem {
  path: ConfigPath;
  message: string;
  severity: 'error' | 'warning';
}

/** `channels.yml: participants[2].channels[0].drop.path: /srv/drop/x does not exist; …` */
export function formatProblem(file: string, p: ConfigProblem): string {
  return `${path.basename(file)}: ${formatConfigPath(p.path)}: ${p.message}`;
}

/** The errors among `problems` as the loader's ConfigError, so both kinds of mistake read alike; undefined when there are none. */
export function problemsError(file: string, problems: readonly ConfigProblem[]): ConfigError | undefined {
  const errors = problems.filter((p) => p.severity === 'error');
  return errors.length
    ? new ConfigError(
        file,
        errors.map((p) => formatProblem(file, p)),
      )
    : undefined;
}

/** How a path from the config was written and where it points, for messages: `/etc/opsdesk/drop (drop from the config's folder)`. */
function describe(written: string, resolved: string): string {
  return written === resolved ? resolved : `${resolved} (${written} from the config file's folder)`;
}

const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/**
 * Collects the problems of one config as its checks find them. Each check takes the path inside
 * the config, the path as written and as resolved against the config file's folder.
 */
export class ConfigChecks {
  readonly problems: ConfigProblem[] = [];

  error(at: ConfigPath, message: string): void {
    this.problems.push({ path: at, message, severity: 'error' });
  }

  warn(at: ConfigPath, message: string): void {
    this.problems.push({ path: at, message, severity: 'warning' });
  }

  /** A folder the exporter lists (a drop folder): missing is a warning (it may be mounted later), anything else unusable an error. */
  async watchedFolder(at: ConfigPath, written: string, resolved: string): Promise<void> {
    const where = describe(written, resolved);
    let st;
    try {
      st = await stat(resolved);
    } catch (err) {
      if (code(err) === 'ENOENT')
        this.warn(
          at,
          `${where} does not exist; create or mount it, or correct the path (until then the exporter reports it unreadable)`,
        );
      else this.error(at, `cannot use ${where}: ${code(err)}`);
      return;
    }
    if (!st.isDirectory())
      return this.error(at, `${where} is not a folder; give the folder the files arrive in`);
    try {
      await access(resolved, constants.R_OK | constants.X_OK);
    } catch (err) {
      this.error(
        at,
        `${where} cannot be listed by this user (${code(err)}); grant read and search permission`,
      );
    }
  }

  /** A file the exporter follows (a log): its folder must exist; the file itself may appear later. */
  async followedFile(at: ConfigPath, written: string, resolved: string): Promise<void> {
    const where = describe(written, resolved);
    let st;
    try {
      st = await stat(resolved);
    } catch (err) {
      if (code(err) !== 'ENOENT') return this.error(at, `cannot use ${where}: ${code(err)}`);
      const dir = path.dirname(resolved);
      try {
        if (!(await stat(dir)).isDirectory())
          this.error(at, `${dir}, the folder of ${where}, is not a folder`);
        else if (!(await readable(dir, constants.X_OK)))
          this.error(
            at,
            `${dir}, the folder of ${where}, cannot be searched by this user; grant it search permission`,
          );
      } catch {
        this.warn(
          at,
          `${dir}, the folder of ${where}, does not exist; create it or correct the path (until then the exporter reports the log unreadable)`,
        );
      }
      return;
    }
    if (!st.isFile()) return this.error(at, `${where} is not a file; give the log file itself`);
    if (!(await readable(resolved, constants.R_OK)))
      this.error(at, `${where} cannot be read by this user; grant it read permission`);
  }

  /**
   * A file the exporter writes (a state file): its folder must be writable, or what it keeps is
   * lost at the next restart. A folder not there yet is created at start, as Prometheus creates
   * its storage path, when the nearest folder above it that exists is writable.
   */
  async writableFile(at: ConfigPath, written: string, resolved: string): Promise<void> {
    const where = describe(written, resolved);
    const dir = path.dirname(resolved);
    let existing = dir;
    for (;;) {
      try {
        if (!(await stat(existing)).isDirectory())
          return this.error(at, `${existing}, above ${where}, is not a folder`);
        break;
      } catch (err) {
        if (code(err) !== 'ENOENT')
          return this.error(at, `cannot use ${existing}, above ${where}: ${code(err)}`);
        existing = path.dirname(existing);
      }
    }
    if (!(await readable(existing, constants.W_OK | constants.X_OK)))
      return this.error(
        at,
        `${existing}, ${existing === dir ? 'the folder of' : 'above'} ${where}, is not writable by this user; grant write permission or choose another path`,
      );
    if (existing !== dir)
      return this.warn(at, `${dir}, the folder of ${where}, does not exist; it is created at start`);
    try {
      const st = await stat(resolved);
      if (!st.isFile()) this.error(at, `${where} is not a file`);
      else if (!(await readable(resolved, constants.R_OK | constants.W_OK)))
        this.error(at, `${where} cannot be read and written by this user`);
    } catch {
      // not there yet: written on the first save
    }
  }

  /** A file read when the exporter runs (a SQLite database another program writes): missing is a warning. */
  async readFileLater(at: ConfigPath, written: string, resolved: string, what: string): Promise<void> {
    const where = describe(written, resolved);
    try {
      if (!(await stat(resolved)).isFile()) this.error(at, `${where} is not a file; give the ${what} itself`);
      else if (!(await readable(resolved, constants.R_OK)))
        this.error(at, `${where} cannot be read by this user; grant it read permission`);
    } catch (err) {
      if (code(err) === 'ENOENT')
        this.warn(at, `${where} does not exist yet; the ${what} is reported failing until it does`);
      else this.error(at, `cannot use ${where}: ${code(err)}`);
    }
  }

  /**
   * TLS files: each must be readable and parse as PEM (a CA bundle and a certificate as X.509, a
   * key as a private key), and a key must belong to its certificate. Reads nothing when none is set.
   */
  async tlsFiles(
    at: ConfigPath,
    files: { ca_file?: string | undefined; cert_file?: string | undefined; key_file?: string | undefined },
    resolve: (p: string) => string,
  ): Promise<void> {
    const read = async (key: 'ca_file' | 'cert_file' | 'key_file') => {
      const written = files[key];
      if (written === undefined) return undefined;
      const resolved = resolve(written);
      try {
        return { text: await readFile(resolved, 'utf8'), where: describe(written, resolved) };
      } catch (err) {
        this.error([...at, key], `cannot read ${describe(written, resolved)}: ${code(err)}`);
        return undefined;
      }
    };
    const [ca, cert, key] = [await read('ca_file'), await read('cert_file'), await read('key_file')];
    // node:crypto only when there are TLS files to check: a plain exporter never pays its ~0.7 MB.
    const { createPrivateKey, X509Certificate } = process.getBuiltinModule('node:crypto');
    const x509 = (f: { text: string; where: string }, k: string) => {
      try {
        return new X509Certificate(f.text);
      } catch (err) {
        this.error([...at, k], `${f.where} is not a PEM certificate: ${(err as Error).message}`);
        return undefined;
      }
    };
    if (ca) x509(ca, 'ca_file');
    const certificate = cert ? x509(cert, 'cert_file') : undefined;
    let privateKey;
    if (key) {
      try {
        privateKey = createPrivateKey(key.text);
      } catch (err) {
        this.error([...at, 'key_file'], `${key.where} is not a PEM private key: ${(err as Error).message}`);
      }
    }
    if ((files.cert_file === undefined) !== (files.key_file === undefined))
      this.error(at, 'cert_file and key_file go together: a client certificate needs its key');
    else if (certificate && privateKey && !certificate.checkPrivateKey(privateKey))
      this.error([...at, 'key_file'], `${key!.where} is not the key of the certificate ${cert!.where}`);
  }
}

async function readable(p: string, mode: number): Promise<boolean> {
  try {
    await access(p, mode);
    return true;
  } catch {
    return false;
  }
}
