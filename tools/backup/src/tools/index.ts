import type { ExitCodes, Tool } from '../args';
import { borg } from './borg';
import { generic } from './generic';
import { restic } from './restic';
import type { ToolReader } from './types';

export type { BackupReading, RestoreReading, RunResult, ToolReader } from './types';

/** The reader of a tool's output; restic's and borg's rules come first, the flags' codes add to them. */
export function readerOf(tool: Tool, exitCodes?: ExitCodes): ToolReader {
  if (tool === 'restic' && !exitCodes?.success.length && !exitCodes?.partial.length) return restic;
  if (tool === 'borg' && !exitCodes?.success.length && !exitCodes?.partial.length) return borg;
  if (tool === 'restic' || tool === 'borg')
    return withExitCodes(tool === 'restic' ? restic : borg, exitCodes!);
  return generic(tool, exitCodes);
}

function withExitCodes(reader: ToolReader, codes: ExitCodes): ToolReader {
  return {
    readRestore: reader.readRestore,
    readBackup(run) {
      const reading = reader.readBackup(run);
      if (codes.success.includes(run.exitCode)) return { ...reading, result: 'success' };
      if (codes.partial.includes(run.exitCode)) return { ...reading, result: 'partial' };
      return reading;
    },
  };
}
