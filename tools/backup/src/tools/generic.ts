import type { ExitCodes } from '../args';
import type { Executed } from '../execute';
import { lastLines, textLines, type BackupReading, type RestoreReading, type ToolReader } from './types';

/**
 * Any other command (pgbackrest, pg_dump, rsync, a script): 0 is success and anything else a
 * failure, unless --success-exit-codes / --partial-exit-codes say otherwise (rsync's 24, "some
 * files vanished", is a partial success for many).
 */
export function generic(name: string, exitCodes: ExitCodes = { success: [], partial: [] }): ToolReader {
  return {
    readBackup(run: Executed): BackupReading {
      const code = run.exitCode;
      const result =
        code === 0 || exitCodes.success.includes(code)
          ? 'success'
          : exitCodes.partial.includes(code)
            ? 'partial'
            : 'failed';
      return result === 'success' ? { result } : { result, message: describe(name, run) };
    },
    readRestore(run: Executed): RestoreReading {
      return run.exitCode === 0 ? {} : { message: describe(name, run) };
    },
  };
}

export function describe(name: string, run: Executed): string {
  if (run.startError) return `${run.argv[0]} could not start: ${run.startError}`;
  const how = run.signal ? `killed by ${run.signal}` : `exit ${run.exitCode}`;
  return [`${name} ${how}`, lastLines(textLines(run.stderr), 5)].filter(Boolean).join('\n');
}
