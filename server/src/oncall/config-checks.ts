import type { z } from 'zod';
import type { NotifyConfig } from '../notify/config';
import type { PersonConfig } from '../people/config';
import type { OncallConfig } from './config';

/** The sections the checks read (not ServerConfig itself: config.ts imports this file). */
interface Sections {
  people: readonly PersonConfig[];
  oncall: OncallConfig;
  notify: NotifyConfig;
}

type Issue = { path: (string | number)[]; message: string };

/**
 * Cross-checks between people, rosters, calendars and channels that no single section can make
 * (called from the server config's superRefine). Each message names the path and the fix.
 */
export function oncallIssues(cfg: Sections, calendars: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const people = new Set<string>();
  cfg.people.forEach((p, i) => {
    if (people.has(p.id))
      issues.push({
        path: ['people', i, 'id'],
        message: `person ${p.id} appears twice; give each person one entry`,
      });
    people.add(p.id);
  });
  const rosters = new Set<string>();
  cfg.oncall.rosters.forEach((r, i) => {
    const at = ['oncall', 'rosters', i];
    if (rosters.has(r.name))
      issues.push({ path: [...at, 'name'], message: `roster ${r.name} appears twice; rename one` });
    rosters.add(r.name);
    if (!calendars.has(r.calendar))
      issues.push({
        path: [...at, 'calendar'],
        message: `no calendar named ${JSON.stringify(r.calendar)}; define it under sla.calendars or use one of: ${[...calendars].join(', ')}`,
      });
    const layers = new Set<string>();
    r.layers.forEach((l, j) => {
      if (layers.has(l.name))
        issues.push({
          path: [...at, 'layers', j, 'name'],
          message: `layer ${l.name} appears twice in roster ${r.name}`,
        });
      layers.add(l.name);
      l.members.forEach((m, k) => {
        if (!people.has(m))
          issues.push({
            path: [...at, 'layers', j, 'members', k],
            message: `${JSON.stringify(m)} is not in the people directory; add it under people (id, name, …) or correct the id`,
          });
      });
    });
  });
  cfg.notify.channels.forEach((c, i) => {
    if (c.roster !== undefined && !rosters.has(c.roster))
      issues.push({
        path: ['notify', 'channels', i, 'roster'],
        message: `no roster named ${JSON.stringify(c.roster)}; define it under oncall.rosters${rosters.size ? ` or use one of: ${[...rosters].join(', ')}` : ''}`,
      });
  });
  return issues;
}

export function checkOncall(cfg: Sections, calendars: ReadonlySet<string>, ctx: z.core.$RefinementCtx): void {
  for (const i of oncallIssues(cfg, calendars))
    ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
}
