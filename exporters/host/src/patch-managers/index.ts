import { apt } from './apt';
import { dnf, yum } from './dnf';
import type { PatchManager } from './types';
import { zypper } from './zypper';

export * from './types';
/** Detection order: the first whose program is on PATH wins (dnf before yum: yum is often a dnf alias). */
export const PATCH_MANAGERS: readonly PatchManager[] = [apt, dnf, zypper, yum];
