import initial from './001_initial';
import slaClocks from './002_sla_clocks';
import receiverAndTokens from './003_receiver_and_tokens';
import notify from './004_notify';
import oncall from './005_oncall';
import escalation from './006_escalation';
import patchHosts from './007_patch_hosts';
import patchPlans from './008_patch_plans';
import vulnerabilities from './009_vulnerabilities';
import backups from './010_backups';
import inspections from './011_inspections';
import inspectionSchedules from './012_inspection_schedules';

/** Numbered migrations, applied in order, each once. Never edit one that has shipped; add the next. */
export const MIGRATIONS: ReadonlyArray<{ id: number; name: string; sql: string }> = [
  { id: 1, name: 'initial', sql: initial },
  { id: 2, name: 'sla_clocks', sql: slaClocks },
  { id: 3, name: 'receiver_and_tokens', sql: receiverAndTokens },
  { id: 4, name: 'notify', sql: notify },
  { id: 5, name: 'oncall', sql: oncall },
  { id: 6, name: 'escalation', sql: escalation },
  { id: 7, name: 'patch_hosts', sql: patchHosts },
  { id: 8, name: 'patch_plans', sql: patchPlans },
  { id: 9, name: 'vulnerabilities', sql: vulnerabilities },
  { id: 10, name: 'backups', sql: backups },
  { id: 11, name: 'inspections', sql: inspections },
  { id: 12, name: 'inspection_schedules', sql: inspectionSchedules },
];
