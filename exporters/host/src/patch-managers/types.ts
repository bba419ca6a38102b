import type { CommandResult } from '@opsdesk/runtime';

export interface PatchStatus {
  manager: string;
  /** pending upgrades per origin (apt: archive origins as apt prints them; dnf/yum/zypper: repository) */
  pendingByOrigin: Map<string, number>;
  /** pending security upgrades: packages for apt and dnf/yum, patches for zypper */
  security: number;
  /** held / version-locked packages; undefined when the manager cannot tell */
  held: number | undefined;
  rebootRequired: boolean | undefined;
  /** when the package lists were last refreshed (apt), seconds; undefined when unknown */
  metadataTimestampSeconds: number | undefined;
}

/** Runs one program of the package manager; tests replace it with captured outputs. */
export type Run = (file: string, args: string[]) => Promise<CommandResult>;

export interface PatchManager {
  name: string;
  /** the program whose presence on PATH selects this manager */
  program: string;
  check(run: Run, fileExists: (file: string) => Promise<number | undefined>): Promise<PatchStatus>;
}

export function commandFailed(file: string, args: string[], r: CommandResult): Error {
  const detail = (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ');
  return new Error(`${file} ${args.join(' ')} exited with ${r.code}: ${detail}`);
}
