import React, { useRef, useState } from 'react';
import { Button, Field, FileUpload, Input, Modal, RadioButtonGroup, Select, TextArea, Alert } from '@grafana/ui';
import { t } from '../i18n';
import { createFinding, findingAction, importReport } from '../api/vulnerabilities';
import type { Finding, FindingAction, ImportSummary, PatchPlan, CreateFindingBody } from '../api/patchTypes';
import { FINDING_SEVERITIES } from '../api/patchTypes';
import type { Person } from '../api/types';
import { ActionError } from './ActionError';
import { findingActionLabel, localInputToIso, reportSummary, severityLabel, splitList } from './patchFormat';
import { formatTime } from './format';
import { useSubmit } from './useSubmit';

function Text({
  label,
  value,
  onChange,
  multiline,
  type,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  multiline?: boolean;
  type?: string;
  placeholder?: string;
}) {
  return (
    <Field label={label}>
      {multiline ? (
        <TextArea
          aria-label={label}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      ) : (
        <Input
          aria-label={label}
          type={type}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/**
 * A Trivy or Grype JSON report from a file: read in the browser, checked for its shape, then posted
 * as it is; the answer's counts (created, updated, unchanged, awaiting verification, reopened) are shown.
 */
export function ReportUpload({ onImported }: { onImported: (summary: ImportSummary) => void }) {
  const [report, setReport] = useState<Record<string, unknown>>();
  const [fileName, setFileName] = useState('');
  const [readError, setReadError] = useState('');
  const [asset, setAsset] = useState('');
  const result = useRef<ImportSummary>();
  const { error, saving, submit } = useSubmit(() => result.current && onImported(result.current));
  const summary = report === undefined ? undefined : reportSummary(report);
  const read = async (file: File) => {
    setReport(undefined);
    setReadError('');
    setFileName(file.name);
    try {
      const parsed = JSON.parse(await file.text()) as unknown;
      if (!reportSummary(parsed)) {
        setReadError(
          t(
            'vulns.upload.notReport',
            '{{file}} is JSON but neither a Trivy report (Results[].Vulnerabilities[]) nor a Grype report (matches[]): export it with trivy --format json or grype -o json',
            { file: file.name }
          )
        );
        return;
      }
      setReport(parsed as Record<string, unknown>);
    } catch (err) {
      setReadError(
        t('vulns.upload.notJson', '{{file}} is not JSON ({{error}})', {
          file: file.name,
          error: err instanceof Error ? err.message : String(err),
        })
      );
    }
  };
  return (
    <div data-testid="report-upload">
      <FileUpload
        accept=".json,application/json"
        onFileUpload={({ currentTarget }) => {
          const file = currentTarget.files?.[0];
          if (file) void read(file);
          // cleared, so that choosing the same file again (the next scan written to the same
          // path, a re-import) is a change the browser reports; otherwise nothing would happen
          currentTarget.value = '';
        }}
      >
        {t('vulns.upload.choose', 'Choose a Trivy or Grype JSON report')}
      </FileUpload>
      {readError && (
        <Alert severity="error" title={t('vulns.upload.unreadable', 'This file cannot be imported')}>
          {readError}
        </Alert>
      )}
      {summary && report && (
        <div data-testid="report-preview">
          <p>
            {t('vulns.upload.preview', '{{file}}: {{scanner}} report of {{asset}}, {{n}} vulnerabilities', {
              file: fileName,
              scanner: summary.scanner === 'trivy' ? 'Trivy' : 'Grype',
              asset: summary.asset ?? '—',
              n: summary.vulnerabilities,
            })}
          </p>
          <Text
            label={t('vulns.upload.asset', 'Asset (empty: as the report names it)')}
            value={asset}
            onChange={setAsset}
            placeholder={summary.asset ?? ''}
          />
          {error !== undefined && <ActionError error={error} />}
          <Button
            icon="upload"
            disabled={saving}
            onClick={() =>
              submit(async () => {
                result.current = (
                  await importReport({
                    scanner: summary.scanner,
                    ...(asset.trim() ? { asset: asset.trim() } : {}),
                    report,
                  })
                ).import;
                setReport(undefined);
                setAsset('');
              })
            }
          >
            {t('vulns.upload.import', 'Import report')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** The counts of one import, as the server answered them. */
export function ImportResult({ summary, onRemove }: { summary: ImportSummary; onRemove?: () => void }) {
  return (
    <Alert
      severity="success"
      title={t('vulns.import.done', 'Imported the {{scanner}} report of {{asset}}', {
        scanner: summary.scanner === 'trivy' ? 'Trivy' : 'Grype',
        asset: summary.asset,
      })}
      onRemove={onRemove}
    >
      <div data-testid="import-result">
        {t(
          'vulns.import.counts',
          '{{created}} new, {{updated}} updated, {{unchanged}} unchanged, {{awaiting}} no longer reported (awaiting verification), {{reopened}} reopened',
          {
            created: summary.created,
            updated: summary.updated,
            unchanged: summary.unchanged,
            awaiting: summary.awaitingVerification,
            reopened: summary.reopened,
          }
        )}
      </div>
    </Alert>
  );
}

/** A finding entered by hand (a penetration test, an advisory read by a person). */
export function NewFindingForm({ onClose, onSaved }: { onClose: () => void; onSaved: (f: Finding) => void }) {
  const [f, setF] = useState<CreateFindingBody>({
    asset: '',
    packageType: '',
    packageName: '',
    installedVersion: '',
    fixedVersion: '',
    vulnerabilityId: '',
    severity: 'high',
    title: '',
  });
  const created = useRef<Finding>();
  const { error, saving, submit } = useSubmit(() => created.current && onSaved(created.current));
  const set = (k: keyof CreateFindingBody) => (v: string) => setF({ ...f, [k]: v });
  const body = (): CreateFindingBody =>
    Object.fromEntries(
      Object.entries(f)
        .map(([k, v]) => [k, String(v).trim()])
        .filter(([, v]) => v !== '')
    ) as unknown as CreateFindingBody;
  return (
    <Modal title={t('vulns.new', 'New finding')} isOpen onDismiss={onClose}>
      {error !== undefined && <ActionError error={error} />}
      <Text label={t('vulns.col.asset', 'Asset')} value={f.asset} onChange={set('asset')} />
      <Text
        label={t('vulns.field.vulnerabilityId', 'Vulnerability id (CVE)')}
        value={f.vulnerabilityId}
        onChange={set('vulnerabilityId')}
      />
      <Field label={t('vulns.col.severity', 'Severity')}>
        <RadioButtonGroup
          options={FINDING_SEVERITIES.map((v) => ({ value: v, label: severityLabel(v) }))}
          value={f.severity}
          onChange={set('severity')}
        />
      </Field>
      <Text
        label={t('vulns.field.packageType', 'Package type')}
        value={f.packageType ?? ''}
        onChange={set('packageType')}
        placeholder="debian, npm, jar"
      />
      <Text label={t('vulns.field.packageName', 'Package')} value={f.packageName} onChange={set('packageName')} />
      <Text
        label={t('vulns.field.installedVersion', 'Installed version')}
        value={f.installedVersion}
        onChange={set('installedVersion')}
      />
      <Text
        label={t('vulns.field.fixedVersion', 'Fixed in')}
        value={f.fixedVersion ?? ''}
        onChange={set('fixedVersion')}
      />
      <Text label={t('vulns.field.title', 'Title')} value={f.title ?? ''} onChange={set('title')} />
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel', 'Cancel')}
        </Button>
        <Button
          disabled={saving}
          onClick={() =>
            submit(async () => {
              created.current = await createFinding(body());
            })
          }
        >
          {t('vulns.create', 'Create finding')}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}

type FixKind = 'plan' | 'change';
type VerifyMethod = 'rescan' | 'manual';

/** The form of one step of a finding, with what the server needs for it. */
export function FindingActionForm({
  finding,
  action,
  people,
  plans,
  imports,
  onClose,
  onSaved,
}: {
  finding: Finding;
  action: FindingAction;
  people: Person[];
  plans: PatchPlan[];
  imports: ImportSummary[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [impact, setImpact] = useState(finding.analysis?.impact ?? '');
  const [services, setServices] = useState((finding.analysis?.affectedServices ?? []).join(', '));
  const [plan, setPlan] = useState(finding.analysis?.plan ?? '');
  const [fixKind, setFixKind] = useState<FixKind>('plan');
  const [patchPlanId, setPatchPlanId] = useState(finding.patchPlanId ?? '');
  const [changeRef, setChangeRef] = useState(finding.changeRef ?? '');
  const [method, setMethod] = useState<VerifyMethod>('rescan');
  const [importId, setImportId] = useState('');
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  const [approver, setApprover] = useState('');
  const [reason, setReason] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const { error, saving, submit } = useSubmit(onSaved);
  const assetImports = imports.filter((i) => i.asset === finding.asset);

  const body = (): object => {
    switch (action) {
      case 'analyse':
        return {
          impact: impact.trim(),
          affectedServices: splitList(services),
          ...(plan.trim() ? { plan: plan.trim() } : {}),
        };
      case 'fix':
        return fixKind === 'plan' ? { patchPlanId } : { changeRef: changeRef.trim() };
      case 'verify':
        return method === 'rescan' ? { method, importId } : { method, note: note.trim(), evidence: evidence.trim() };
      case 'accept-risk':
        return { approver, reason: reason.trim(), expiresAt: localInputToIso(expiresAt) ?? expiresAt };
      case 'false-positive':
      case 'reopen':
        return reason.trim() ? { reason: reason.trim() } : {};
      case 'mark-fixed':
      case 'close':
        return note.trim() ? { note: note.trim() } : {};
    }
  };

  return (
    <Modal title={`${findingActionLabel(action)} · ${finding.vulnerabilityId}`} isOpen onDismiss={onClose}>
      <div data-testid={`finding-form-${action}`}>
        {error !== undefined && <ActionError error={error} />}
        {action === 'analyse' && (
          <>
            <Text label={t('vulns.field.impact', 'Impact')} value={impact} onChange={setImpact} multiline />
            <Text
              label={t('vulns.field.services', 'Affected services')}
              value={services}
              onChange={setServices}
              placeholder="gateway, clearing"
            />
            <Text label={t('vulns.field.plan', 'Remediation plan')} value={plan} onChange={setPlan} multiline />
          </>
        )}
        {action === 'fix' && (
          <>
            <Field label={t('vulns.field.fixBy', 'Fixed by')}>
              <RadioButtonGroup<FixKind>
                options={[
                  { value: 'plan', label: t('vulns.field.byPlan', 'a patch plan') },
                  { value: 'change', label: t('vulns.field.byChange', 'a change') },
                ]}
                value={fixKind}
                onChange={setFixKind}
              />
            </Field>
            {fixKind === 'plan' ? (
              <Field label={t('vulns.field.patchPlan', 'Patch plan')}>
                <Select
                  aria-label={t('vulns.field.patchPlan', 'Patch plan')}
                  options={plans.map((p) => ({ value: p.id, label: `${p.number} · ${p.title}` }))}
                  value={patchPlanId || null}
                  onChange={(v) => setPatchPlanId(v.value!)}
                />
              </Field>
            ) : (
              <Text
                label={t('vulns.field.changeRef', 'Change reference')}
                value={changeRef}
                onChange={setChangeRef}
                placeholder="CHG-2026-118"
              />
            )}
          </>
        )}
        {action === 'verify' && (
          <>
            <Field label={t('vulns.field.method', 'Method')}>
              <RadioButtonGroup<VerifyMethod>
                options={[
                  { value: 'rescan', label: t('vulns.field.rescan', 'a clean re-scan') },
                  { value: 'manual', label: t('vulns.field.manual', 'a manual check') },
                ]}
                value={method}
                onChange={setMethod}
              />
            </Field>
            {method === 'rescan' ? (
              <Field
                label={t('vulns.field.import', 'Re-scan (import)')}
                description={t('vulns.field.importHint', 'An import of this asset that no longer reports the finding')}
              >
                <Select
                  aria-label={t('vulns.field.import', 'Re-scan (import)')}
                  options={assetImports.map((i) => ({
                    value: i.id,
                    label: `${formatTime(i.at)} · ${i.scanner} · ${i.target}`,
                    description: i.id,
                  }))}
                  value={importId || null}
                  onChange={(v) => setImportId(v.value!)}
                />
              </Field>
            ) : (
              <>
                <Text label={t('vulns.field.note', 'Note')} value={note} onChange={setNote} multiline />
                <Text
                  label={t('vulns.field.evidence', 'Evidence (link or output)')}
                  value={evidence}
                  onChange={setEvidence}
                  multiline
                />
              </>
            )}
          </>
        )}
        {action === 'accept-risk' && (
          <>
            <Field label={t('patches.form.approver', 'Approver')}>
              <Select
                aria-label={t('patches.form.approver', 'Approver')}
                options={people.map((p) => ({ value: p.id, label: p.name, description: p.id }))}
                value={approver || null}
                onChange={(v) => setApprover(v.value!)}
              />
            </Field>
            <Text label={t('patches.form.reason', 'Reason')} value={reason} onChange={setReason} multiline />
            <Text
              label={t('vulns.field.expiresAt', 'Expires at (reopens then)')}
              type="datetime-local"
              value={expiresAt}
              onChange={setExpiresAt}
            />
          </>
        )}
        {(action === 'false-positive' || action === 'reopen') && (
          <Text label={t('patches.form.reason', 'Reason')} value={reason} onChange={setReason} multiline />
        )}
        {(action === 'mark-fixed' || action === 'close') && (
          <Text label={t('vulns.field.note', 'Note')} value={note} onChange={setNote} multiline />
        )}
      </div>
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel', 'Cancel')}
        </Button>
        <Button disabled={saving} onClick={() => submit(() => findingAction(finding.id, action, body()))}>
          {findingActionLabel(action)}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}
