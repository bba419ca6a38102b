import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/roles';
import type { AppContext } from '../context';
import type { Db } from '../db';
import { isUniqueViolation } from '../db';
import type { NewRow, RowUpdate } from '../db/tables';
import { ApiError, conflict, notFound, unprocessable } from '../http/errors';
import type { Severity } from '../incidents/schema';
import { enqueue } from '../notify/outbox';
import { GRAFANA_APP_ID } from '../notify/templates/links';
import { patchPlanExists } from '../patches/plans-store';
import { person } from '../people/directory';
import {
  ACTIVE_STATES,
  allowedActions,
  refusal,
  TRANSITIONS,
  VULN_SEVERITIES,
  FINDING_STATES,
  type FindingAction,
  type FindingState,
  type VulnSeverity,
} from './model';
import { findingKey, parseReport, type ReportedFinding } from './reports';
import type { Finding } from './schema';
import type { z } from 'zod';
import type {
  acceptRiskBody,
  analyseBody,
  createFindingBody,
  findingListQuery,
  fixBody,
  importBody,
  markFixedBody,
  verifyBody,
} from './schema';
import { dueAtFor, knownExploitedIds } from './sla';
import { vulnerabilityStore, type FindingRow, type ImportRow } from './store';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

interface Details {
  primaryUrl?: string | null;
  cvss?: number | null;
  purl?: string | null;
}

export function toFinding(r: FindingRow, now: number): Finding {
  const details = json<Details>(r.details) ?? {};
  const analysis = json<{ impact: string; affectedServices: string[]; plan: string; at: number; by: string }>(
    r.analysis,
  );
  const risk = json<{ approver: string; reason: string; expiresAt: number; at: number; by: string }>(
    r.risk_acceptance,
  );
  const verification = json<{
    method: 'rescan' | 'manual';
    importId?: string;
    note?: string;
    evidence?: string;
    at: number;
    by: string;
  }>(r.verification);
  return {
    id: r.id,
    asset: r.asset,
    packageType: r.package_type,
    packageName: r.package_name,
    installedVersion: r.installed_version,
    fixedVersion: r.fixed_version,
    vulnerabilityId: r.vulnerability_id,
    aliases: JSON.parse(r.aliases) as string[],
    severity: r.severity,
    scannerSeverity: r.scanner_severity,
    title: r.title,
    description: r.description,
    state: r.state,
    dueAt: iso(r.due_at),
    overdue: isOverdue(r, now),
    knownExploited: r.known_exploited === 1,
    source: r.source,
    scanTarget: r.scan_target,
    resultTarget: r.result_target,
    primaryUrl: details.primaryUrl ?? null,
    cvssScore: details.cvss ?? null,
    purl: details.purl ?? null,
    firstSeenAt: iso(r.first_seen_at) as string,
    lastSeenAt: iso(r.last_seen_at) as string,
    analysis: analysis && { ...analysis, at: iso(analysis.at) as string },
    patchPlanId: r.patch_plan_id,
    changeRef: r.change_ref,
    fixedAt: iso(r.fixed_at),
    fixedBy: r.fixed_by,
    riskAcceptance: risk && { ...risk, expiresAt: iso(risk.expiresAt) as string, at: iso(risk.at) as string },
    riskAcceptanceExpiredAt: iso(r.acceptance_expired_at),
    verification: verification && {
      method: verification.method,
      importId: verification.importId ?? null,
      note: verification.note ?? null,
      evidence: verification.evidence ?? null,
      at: iso(verification.at) as string,
      by: verification.by,
    },
    resolutionNote: r.resolution_note,
    createdAt: iso(r.created_at) as string,
    createdBy: r.created_by,
    updatedAt: iso(r.updated_at) as string,
  };
}

export function isOverdue(r: Pick<FindingRow, 'state' | 'due_at'>, now: number): boolean {
  return ACTIVE_STATES.includes(r.state) && r.due_at !== null && r.due_at <= now;
}

function toImport(r: ImportRow) {
  return {
    id: r.id,
    scanner: r.scanner,
    asset: r.asset,
    target: r.target,
    at: iso(r.at) as string,
    actor: r.actor,
    reported: r.reported,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    awaitingVerification: r.awaiting_verification,
    reopened: r.reopened,
    resultTargets: JSON.parse(r.result_targets) as string[],
  };
}

/** Severity of a notification (the channels filter on incident severities). */
const NOTIFY_SEVERITY: Record<VulnSeverity, Severity> = {
  critical: 'P1',
  high: 'P2',
  medium: 'P3',
  low: 'P4',
  negligible: 'P4',
  unknown: 'P3',
};

type TimelineEntry = {
  findingId: string;
  at: number;
  kind: string;
  actor: string;
  detail: Record<string, unknown>;
};

/** Alias → finding among one asset's stored findings: a GHSA first reported alone, then with its CVE. */
function aliasIndex(rows: readonly FindingRow[]): Map<string, FindingRow> {
  const out = new Map<string, FindingRow>();
  for (const r of rows)
    for (const a of JSON.parse(r.aliases) as string[])
      out.set(
        findingKey({
          packageType: r.package_type,
          packageName: r.package_name,
          installedVersion: r.installed_version,
          vulnerabilityId: a,
        }),
        r,
      );
  return out;
}

export class VulnerabilityService {
  constructor(private readonly ctx: AppContext) {}

  private get now() {
    return this.ctx.now();
  }

  private dueAt(severity: VulnSeverity, knownExploited: boolean, startMs: number): number | null {
    return dueAtFor(this.ctx, severity, knownExploited, startMs);
  }

  async importReport(body: z.output<typeof importBody>, caller: Caller) {
    const parsed = parseReport(body.report, body.scanner);
    // a filesystem scan names a path ("/" for trivy rootfs /), the same on every host: never an asset
    const pathOnly = parsed.artifact !== undefined && /^[./~]/.test(parsed.artifact);
    if (body.asset === undefined && pathOnly)
      throw new ApiError(
        422,
        'asset_unknown',
        `body asset: the ${parsed.scanner} report scanned the path ${parsed.artifact}, which names no host; send asset, e.g. the host's instance db1:9741`,
        [{ in: 'body', path: 'asset', message: 'required for a filesystem scan' }],
      );
    const asset = body.asset ?? parsed.artifact;
    if (asset === undefined)
      throw new ApiError(
        422,
        'asset_unknown',
        `body asset: the ${parsed.scanner} report names no artifact (${parsed.scanner === 'trivy' ? 'ArtifactName' : 'source.target'}); send asset, e.g. the host's name`,
        [{ in: 'body', path: 'asset', message: 'required for this report' }],
      );
    const target = parsed.artifact ?? asset;
    const kev = knownExploitedIds(this.ctx);
    const isKev = (f: ReportedFinding) => f.aliases.some((a) => kev.has(a.toUpperCase()));
    const importId = randomUUID();
    const actor = caller.actor;
    const row = await this.ctx.db.transaction(async (tx) => {
      const now = this.now;
      await vulnerabilityStore.lockAsset(tx, asset);
      const stored = await vulnerabilityStore.findingsOfAsset(tx, asset);
      const byKey = new Map(
        stored.map((r) => [
          findingKey({
            packageType: r.package_type,
            packageName: r.package_name,
            installedVersion: r.installed_version,
            vulnerabilityId: r.vulnerability_id,
          }),
          r,
        ]),
      );
      const byAlias = aliasIndex(stored);
      const timeline: TimelineEntry[] = [];
      const inserts: NewRow<'vulnerability_findings'>[] = [];
      const touched: string[] = [];
      const seen = new Set<string>();
      const counts = { created: 0, updated: 0, unchanged: 0, awaitingVerification: 0, reopened: 0 };
      for (const f of parsed.findings) {
        const existing =
          byKey.get(findingKey(f)) ??
          f.aliases
            .map((a) => byAlias.get(findingKey({ ...f, vulnerabilityId: a })))
            .find((r) => r !== undefined);
        const knownExploited = isKev(f);
        if (existing && seen.has(existing.id)) continue; // two ids of one stored finding in one report
        if (!existing) {
          const id = randomUUID();
          seen.add(id);
          inserts.push({
            id,
            asset,
            package_type: f.packageType,
            package_name: f.packageName,
            installed_version: f.installedVersion,
            vulnerability_id: f.vulnerabilityId,
            aliases: JSON.stringify(f.aliases),
            fixed_version: f.fixedVersion,
            severity: f.severity,
            scanner_severity: f.scannerSeverity,
            title: f.title,
            description: f.description,
            details: JSON.stringify(f.details),
            state: 'open',
            source: parsed.scanner,
            scan_target: target,
            result_target: f.resultTarget,
            known_exploited: knownExploited ? 1 : 0,
            sla_start_at: now,
            due_at: this.dueAt(f.severity, knownExploited, now),
            overdue_notified_at: null,
            first_seen_at: now,
            last_seen_at: now,
            last_import_id: importId,
            analysis: null,
            patch_plan_id: null,
            change_ref: null,
            fixed_at: null,
            fixed_by: null,
            risk_acceptance: null,
            risk_expires_at: null,
            acceptance_expired_at: null,
            verification: null,
            resolution_note: null,
            created_at: now,
            created_by: actor,
            updated_at: now,
          });
          timeline.push({
            findingId: id,
            at: now,
            kind: 'detected',
            actor,
            detail: { importId, scanner: parsed.scanner, target, severity: f.severity },
          });
          counts.created++;
          continue;
        }
        seen.add(existing.id);
        const patch: RowUpdate<'vulnerability_findings'> = {};
        const aliases = [...new Set([...(JSON.parse(existing.aliases) as string[]), ...f.aliases])].sort();
        if (aliases.join('\n') !== (JSON.parse(existing.aliases) as string[]).join('\n'))
          patch.aliases = JSON.stringify(aliases);
        if (existing.title !== f.title) patch.title = f.title;
        if (existing.description !== f.description) patch.description = f.description;
        if (existing.fixed_version !== f.fixedVersion) patch.fixed_version = f.fixedVersion;
        if (existing.scanner_severity !== f.scannerSeverity) patch.scanner_severity = f.scannerSeverity;
        if (existing.details !== JSON.stringify(f.details)) patch.details = JSON.stringify(f.details);
        if (existing.result_target !== f.resultTarget) patch.result_target = f.resultTarget;
        if (existing.source !== parsed.scanner) patch.source = parsed.scanner;
        let slaStart = existing.sla_start_at;
        let reopened = false;
        if (existing.state === 'fixed' || existing.state === 'verified' || existing.state === 'closed') {
          // reported again after it was fixed: the fix did not hold, its clock starts afresh
          reopened = true;
          slaStart = now;
          Object.assign(patch, {
            state: 'open',
            sla_start_at: now,
            fixed_at: null,
            fixed_by: null,
            verification: null,
            overdue_notified_at: null,
          });
          timeline.push({
            findingId: existing.id,
            at: now,
            kind: 'reopened',
            actor,
            detail: {
              from: existing.state,
              importId,
              reason: `${parsed.scanner} reports it again on ${target}`,
            },
          });
        }
        const severityChanged = existing.severity !== f.severity;
        const kevChanged = (existing.known_exploited === 1) !== knownExploited;
        if (severityChanged) {
          patch.severity = f.severity;
          timeline.push({
            findingId: existing.id,
            at: now,
            kind: 'severity_changed',
            actor,
            detail: { from: existing.severity, to: f.severity, importId },
          });
        }
        if (kevChanged) patch.known_exploited = knownExploited ? 1 : 0;
        if (severityChanged || kevChanged || reopened) {
          const due = this.dueAt(f.severity, knownExploited, slaStart);
          if (due !== existing.due_at) {
            patch.due_at = due;
            patch.overdue_notified_at = null;
          }
        }
        if (Object.keys(patch).length === 0) {
          touched.push(existing.id);
          counts.unchanged++;
          continue;
        }
        if (reopened) counts.reopened++;
        else counts.updated++;
        await vulnerabilityStore.updateFinding(tx, existing.id, {
          ...patch,
          last_seen_at: now,
          last_import_id: importId,
          scan_target: target,
          updated_at: now,
        });
      }
      if (inserts.length) await vulnerabilityStore.insertFindings(tx, inserts);
      if (touched.length)
        await vulnerabilityStore.touchFindings(tx, touched, {
          last_seen_at: now,
          last_import_id: importId,
          scan_target: target,
        });
      // what this scan no longer reports: fixed, awaiting verification (never closed). Only findings
      // this scanner reported on this target, and for Trivy only in result targets it scanned again
      // (a report of --pkg-types os says nothing about the application's lock files).
      const judged = parsed.resultTargets === null ? null : new Set(parsed.resultTargets);
      for (const r of stored) {
        if (seen.has(r.id) || r.scan_target !== target || r.source !== parsed.scanner) continue;
        if (!(['open', 'analysed', 'fixing', 'risk_accepted'] as FindingState[]).includes(r.state)) continue;
        if (judged !== null && (r.result_target === null || !judged.has(r.result_target))) continue;
        await vulnerabilityStore.updateFinding(tx, r.id, {
          state: 'fixed',
          fixed_at: now,
          fixed_by: `import:${importId}`,
          acceptance_expired_at: null,
          updated_at: now,
        });
        timeline.push({
          findingId: r.id,
          at: now,
          kind: 'fixed',
          actor,
          detail: {
            from: r.state,
            importId,
            reason: `${parsed.scanner} no longer reports it on ${target}; awaiting verification`,
          },
        });
        counts.awaitingVerification++;
      }
      const importRow: ImportRow = {
        id: importId,
        scanner: parsed.scanner,
        asset,
        target,
        at: now,
        actor,
        reported: seen.size,
        created: counts.created,
        updated: counts.updated,
        unchanged: counts.unchanged,
        awaiting_verification: counts.awaitingVerification,
        reopened: counts.reopened,
        result_targets: JSON.stringify(parsed.resultTargets ?? []),
        meta: JSON.stringify(parsed.meta),
      };
      await vulnerabilityStore.insertImport(tx, importRow);
      await vulnerabilityStore.recordImportFindings(tx, importId, [...seen]);
      await vulnerabilityStore.addTimeline(tx, timeline);
      return importRow;
    });
    return { import: toImport(row) };
  }

  async listImports(q: { asset?: string | undefined; limit: number; cursor?: string | undefined }) {
    const { rows, nextCursor } = await vulnerabilityStore.listImports(this.ctx.db, q);
    return { imports: rows.map(toImport), nextCursor };
  }

  async list(q: z.output<typeof findingListQuery>) {
    const now = this.now;
    const { rows, nextCursor } = await vulnerabilityStore.list(
      this.ctx.db,
      {
        severity: q.severity,
        state: q.state,
        asset: q.asset,
        overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
        knownExploited: q.knownExploited === undefined ? undefined : q.knownExploited === 'true',
        q: q.q,
      },
      { limit: q.limit, cursor: q.cursor },
      now,
    );
    return { findings: rows.map((r) => toFinding(r, now)), nextCursor };
  }

  async counts(asset?: string) {
    const c = await vulnerabilityStore.counts(this.ctx.db, this.now, asset);
    const zeros = <K extends string>(keys: readonly K[]) =>
      Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    const open = zeros(VULN_SEVERITIES);
    const overdue = zeros(VULN_SEVERITIES);
    const byState = zeros(FINDING_STATES);
    for (const r of c.byStateAndSeverity) {
      byState[r.state] += r.n;
      if (ACTIVE_STATES.includes(r.state)) open[r.severity] += r.n;
    }
    for (const r of c.overdue) overdue[r.severity] += r.n;
    return { open, overdue, byState, riskAcceptancesExpired: c.expiredAcceptances };
  }

  private async row(db: Db, id: string): Promise<FindingRow> {
    const r = await vulnerabilityStore.finding(db, id);
    if (!r) throw notFound(`finding ${id} (list them with GET /api/v1/vulnerabilities/findings)`);
    return r;
  }

  async get(id: string) {
    const db = this.ctx.db;
    const r = await this.row(db, id);
    const timeline = await vulnerabilityStore.timeline(db, r.id);
    return {
      ...toFinding(r, this.now),
      allowedActions: allowedActions(r.state),
      timeline: timeline.map((t) => ({
        at: iso(t.at) as string,
        actor: t.actor,
        kind: t.kind,
        detail: JSON.parse(t.detail) as Record<string, unknown>,
      })),
    };
  }

  async create(body: z.output<typeof createFindingBody>, caller: Caller) {
    const now = this.now;
    const vulnerabilityId = body.vulnerabilityId.toUpperCase().startsWith('CVE-')
      ? body.vulnerabilityId.toUpperCase()
      : body.vulnerabilityId;
    const aliases = [...new Set([vulnerabilityId, ...body.aliases])].sort();
    const knownExploited =
      body.knownExploited || aliases.some((a) => knownExploitedIds(this.ctx).has(a.toUpperCase()));
    const id = randomUUID();
    try {
      await this.ctx.db.transaction(async (tx) => {
        await vulnerabilityStore.lockAsset(tx, body.asset);
        const existing = await vulnerabilityStore.findingByKey(tx, { ...body, vulnerabilityId });
        if (existing)
          throw conflict(
            'duplicate_finding',
            `finding ${existing.id} already records ${vulnerabilityId} in ${body.packageName} ${body.installedVersion} on ${body.asset} (${existing.state}); update that one`,
          );
        await vulnerabilityStore.insertFindings(tx, [
          {
            id,
            asset: body.asset,
            package_type: body.packageType,
            package_name: body.packageName,
            installed_version: body.installedVersion,
            vulnerability_id: vulnerabilityId,
            aliases: JSON.stringify(aliases),
            fixed_version: body.fixedVersion ?? null,
            severity: body.severity,
            scanner_severity: null,
            title: body.title || vulnerabilityId,
            description: body.description,
            details: '{}',
            state: 'open',
            source: 'manual',
            scan_target: null,
            result_target: null,
            known_exploited: knownExploited ? 1 : 0,
            sla_start_at: now,
            due_at: this.dueAt(body.severity, knownExploited, now),
            overdue_notified_at: null,
            first_seen_at: now,
            last_seen_at: now,
            last_import_id: null,
            analysis: null,
            patch_plan_id: null,
            change_ref: null,
            fixed_at: null,
            fixed_by: null,
            risk_acceptance: null,
            risk_expires_at: null,
            acceptance_expired_at: null,
            verification: null,
            resolution_note: null,
            created_at: now,
            created_by: caller.actor,
            updated_at: now,
          },
        ]);
        await vulnerabilityStore.addTimeline(tx, [
          {
            findingId: id,
            at: now,
            kind: 'recorded',
            actor: caller.actor,
            detail: { severity: body.severity },
          },
        ]);
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict(
          'duplicate_finding',
          `a finding of ${vulnerabilityId} in ${body.packageName} ${body.installedVersion} on ${body.asset} was recorded at the same time; list it`,
        );
      throw err;
    }
    return this.get(id);
  }

  /**
   * One action on a finding, in a transaction: the state machine's check (409 naming the state and
   * what is allowed), the action's own checks (422 naming the input), the change and its timeline entry.
   */
  private async act(
    id: string,
    action: FindingAction,
    caller: Caller,
    change: (
      r: FindingRow,
      tx: Db,
      now: number,
    ) => Promise<{ patch: RowUpdate<'vulnerability_findings'>; detail: Record<string, unknown> }>,
  ) {
    await this.ctx.db.transaction(async (tx) => {
      const r = await this.row(tx, id);
      await vulnerabilityStore.lockAsset(tx, r.asset);
      const current = (await vulnerabilityStore.finding(tx, r.id)) as FindingRow;
      const why = refusal(current.state, action);
      if (why)
        throw conflict('illegal_transition', `finding ${current.id} (${current.vulnerability_id}): ${why}`);
      const now = this.now;
      const { patch, detail } = await change(current, tx, now);
      const to = (patch.state as FindingState | undefined) ?? current.state;
      await vulnerabilityStore.updateFinding(tx, current.id, { ...patch, updated_at: now });
      await vulnerabilityStore.addTimeline(tx, [
        {
          findingId: current.id,
          at: now,
          kind: action,
          actor: caller.actor,
          detail: { from: current.state, to, ...detail },
        },
      ]);
    });
    return this.get(id);
  }

  analyse(id: string, body: z.output<typeof analyseBody>, caller: Caller) {
    return this.act(id, 'analyse', caller, async (r, _tx, now) => ({
      // analysing again while fixing updates the analysis and keeps it fixing
      patch: {
        state: r.state === 'fixing' ? 'fixing' : 'analysed',
        analysis: JSON.stringify({ ...body, at: now, by: caller.actor }),
      },
      detail: { impact: body.impact, affectedServices: body.affectedServices, plan: body.plan },
    }));
  }

  fix(id: string, body: z.output<typeof fixBody>, caller: Caller) {
    return this.act(id, 'fix', caller, async (_r, tx, _now) => {
      if (body.patchPlanId !== undefined && !(await patchPlanExists(tx, body.patchPlanId)))
        throw unprocessable(
          'unknown_patch_plan',
          `body patchPlanId: no patch plan ${body.patchPlanId}; list them with GET /api/v1/patches/plans, or send changeRef for a change outside patch plans`,
        );
      return {
        patch: {
          state: TRANSITIONS.fix.to,
          patch_plan_id: body.patchPlanId ?? null,
          change_ref: body.changeRef ?? null,
        },
        detail: {
          patchPlanId: body.patchPlanId ?? null,
          changeRef: body.changeRef ?? null,
          note: body.note ?? null,
        },
      };
    });
  }

  markFixed(id: string, body: z.output<typeof markFixedBody>, caller: Caller) {
    return this.act(id, 'mark-fixed', caller, async (r, _tx, now) => ({
      patch: {
        state: 'fixed',
        fixed_at: now,
        fixed_by: caller.actor,
        acceptance_expired_at: null,
        ...(body.fixedVersion !== undefined ? { fixed_version: body.fixedVersion } : {}),
      },
      detail: { note: body.note ?? null, fixedVersion: body.fixedVersion ?? r.fixed_version },
    }));
  }

  verify(id: string, body: z.output<typeof verifyBody>, caller: Caller) {
    return this.act(id, 'verify', caller, async (r, tx, now) => {
      if (body.method === 'rescan') {
        const imp = await vulnerabilityStore.importById(tx, body.importId);
        if (!imp)
          throw unprocessable(
            'unknown_import',
            `body importId: no import ${body.importId}; list them with GET /api/v1/vulnerabilities/imports`,
          );
        if (imp.asset !== r.asset || (r.scan_target !== null && imp.target !== r.scan_target))
          throw unprocessable(
            'rescan_of_another_target',
            `body importId: import ${imp.id} scanned ${imp.asset} (${imp.target}), not ${r.asset}${r.scan_target ? ` (${r.scan_target})` : ''}; re-scan what the finding is on`,
          );
        if (r.fixed_at !== null && imp.at < r.fixed_at)
          throw unprocessable(
            'rescan_before_fix',
            `body importId: import ${imp.id} ran at ${iso(imp.at)}, before the fix was recorded at ${iso(r.fixed_at)}; import a scan made after the fix`,
          );
        if (await vulnerabilityStore.importReported(tx, imp.id, r.id))
          throw conflict(
            'still_reported',
            `import ${imp.id} still reports ${r.vulnerability_id} in ${r.package_name} ${r.installed_version}: the fix is not verified; reopen it, or fix it again`,
          );
        return {
          patch: {
            state: 'verified',
            verification: JSON.stringify({ method: 'rescan', importId: imp.id, at: now, by: caller.actor }),
          },
          detail: { method: 'rescan', importId: imp.id },
        };
      }
      return {
        patch: {
          state: 'verified',
          verification: JSON.stringify({
            method: 'manual',
            note: body.note,
            evidence: body.evidence,
            at: now,
            by: caller.actor,
          }),
        },
        detail: { method: 'manual', note: body.note, evidence: body.evidence },
      };
    });
  }

  close(id: string, note: string | undefined, caller: Caller) {
    return this.act(id, 'close', caller, async () => ({
      patch: { state: 'closed', ...(note ? { resolution_note: note } : {}) },
      detail: { note: note ?? null },
    }));
  }

  acceptRisk(id: string, body: z.output<typeof acceptRiskBody>, caller: Caller) {
    return this.act(id, 'accept-risk', caller, async (_r, _tx, now) => {
      if (!person(this.ctx, body.approver))
        throw unprocessable(
          'unknown_person',
          `body approver: ${body.approver} is not in the people directory; list people with GET /api/v1/people`,
        );
      const expiresAt = Date.parse(body.expiresAt);
      const max = this.ctx.config.vulnerabilities.risk_acceptance_max;
      if (expiresAt <= now)
        throw unprocessable(
          'expiry_in_past',
          `body expiresAt: ${body.expiresAt} has passed; a risk acceptance must end in the future`,
        );
      if (expiresAt - now > max)
        throw unprocessable(
          'expiry_too_far',
          `body expiresAt: ${body.expiresAt} is more than ${Math.round(max / 86_400_000)} days away (vulnerabilities.risk_acceptance_max); accept it for less and renew it`,
        );
      return {
        patch: {
          state: 'risk_accepted',
          risk_acceptance: JSON.stringify({
            approver: body.approver,
            reason: body.reason,
            expiresAt,
            at: now,
            by: caller.actor,
          }),
          risk_expires_at: expiresAt,
          acceptance_expired_at: null,
        },
        detail: { approver: body.approver, reason: body.reason, expiresAt: iso(expiresAt) },
      };
    });
  }

  falsePositive(id: string, reason: string, caller: Caller) {
    return this.act(id, 'false-positive', caller, async () => ({
      patch: {
        state: 'false_positive',
        resolution_note: reason,
        acceptance_expired_at: null,
        risk_expires_at: null,
      },
      detail: { reason },
    }));
  }

  reopen(id: string, reason: string, caller: Caller) {
    return this.act(id, 'reopen', caller, async (r, _tx, now) => {
      // a fix that did not hold starts a new clock; an accepted risk or a false positive taken back keeps its first one
      const restart = r.state === 'fixed' || r.state === 'verified' || r.state === 'closed';
      const start = restart ? now : r.sla_start_at;
      return {
        patch: {
          state: 'open',
          resolution_note: reason,
          risk_expires_at: null,
          acceptance_expired_at: null,
          fixed_at: null,
          fixed_by: null,
          verification: null,
          sla_start_at: start,
          due_at: this.dueAt(r.severity, r.known_exploited === 1, start),
          overdue_notified_at: restart ? null : r.overdue_notified_at,
        },
        detail: { reason },
      };
    });
  }
}

/** Findings handled per tick and job: a backlog drains over a few ticks without holding the lock long. */
const JOB_BATCH = 200;

/**
 * Risk acceptances whose expiry has come reopen their finding (the scheduler's tick, once across
 * replicas). The remediation clock starts afresh at the expiry: the acceptance bought that time.
 */
export async function expireRiskAcceptances(
  ctx: AppContext,
  stopping: () => boolean = () => false,
): Promise<number> {
  const now = ctx.now();
  const due = await vulnerabilityStore.expiredAcceptances(ctx.db, now, JOB_BATCH);
  let n = 0;
  for (const r of due) {
    if (stopping()) break;
    await ctx.db.transaction(async (tx) => {
      const current = await vulnerabilityStore.finding(tx, r.id);
      if (
        current?.state !== 'risk_accepted' ||
        current.risk_expires_at === null ||
        current.risk_expires_at > now
      )
        return;
      const expiredAt = current.risk_expires_at;
      await vulnerabilityStore.updateFinding(tx, r.id, {
        state: 'open',
        acceptance_expired_at: expiredAt,
        risk_expires_at: null,
        sla_start_at: expiredAt,
        due_at: dueAtFor(ctx, current.severity, current.known_exploited === 1, expiredAt),
        overdue_notified_at: null,
        updated_at: now,
      });
      const risk = json<{ approver: string; reason: string }>(current.risk_acceptance);
      await vulnerabilityStore.addTimeline(tx, [
        {
          findingId: r.id,
          at: now,
          kind: 'risk_acceptance_expired',
          actor: 'system',
          detail: {
            from: 'risk_accepted',
            to: 'open',
            expiredAt: iso(expiredAt),
            approver: risk?.approver ?? null,
          },
        },
      ]);
      n++;
    });
  }
  return n;
}

/** vulnerability.overdue once per finding when its deadline passes unfixed (the scheduler's tick). */
export async function notifyOverdue(ctx: AppContext, stopping: () => boolean = () => false): Promise<number> {
  const now = ctx.now();
  const due = await vulnerabilityStore.overdueUnnotified(ctx.db, now, JOB_BATCH);
  let n = 0;
  for (const r of due) {
    if (stopping()) break;
    await ctx.db.transaction(async (tx) => {
      const current = await vulnerabilityStore.finding(tx, r.id);
      if (!current || !isOverdue(current, now) || current.overdue_notified_at !== null) return;
      await vulnerabilityStore.updateFinding(tx, r.id, { overdue_notified_at: now });
      await enqueue(ctx, tx, {
        kind: 'vulnerability.overdue',
        key: `vulnerability:${current.id}`,
        phase: 'firing',
        severity: NOTIFY_SEVERITY[current.severity],
        at: now,
        data: {
          id: current.vulnerability_id,
          title: `${current.package_name} ${current.installed_version}${current.title ? `: ${current.title}` : ''}`,
          host: current.asset,
          dueAt: iso(current.due_at),
          severity: current.severity,
          state: current.state,
          findingId: current.id,
          // the app's finding page (grafana-app src/components/App.tsx: vulnerabilities/findings/:id)
          url: `${ctx.config.notify.grafana_url.replace(/\/+$/, '')}/a/${GRAFANA_APP_ID}/vulnerabilities/findings/${encodeURIComponent(current.id)}`,
        },
      });
      await vulnerabilityStore.addTimeline(tx, [
        {
          findingId: r.id,
          at: now,
          kind: 'overdue',
          actor: 'system',
          detail: { dueAt: iso(current.due_at), severity: current.severity },
        },
      ]);
      n++;
    });
  }
  return n;
}
