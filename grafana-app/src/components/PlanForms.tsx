import React, { useRef, useState } from 'react';
import { config } from '@grafana/runtime';
import { Button, Checkbox, Field, Input, Modal, RadioButtonGroup, Select, Stack, TextArea } from '@grafana/ui';
import { t } from '../i18n';
import { createPlan, planAction } from '../api/patches';
import type { CreatePlanBody, PatchPlan, PlanAction, PostInstallCheck } from '../api/patchTypes';
import type { Person } from '../api/types';
import { ActionError } from './ActionError';
import { localInputToIso, planActionLabel, splitList } from './patchFormat';
import { useSubmit } from './useSubmit';

/** The people-directory entry of the signed-in Grafana user (login or email is the person's id or email). */
export function signedInPerson(people: Person[]): string | undefined {
  const user = config.bootData?.user;
  if (!user) return undefined;
  return people.find((p) => p.id === user.login || (p.email !== null && p.email === user.email))?.id;
}

function PersonSelect({
  label,
  people,
  value,
  onChange,
}: {
  label: string;
  people: Person[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <Field label={label}>
      <Select
        aria-label={label}
        options={people.map((p) => ({ value: p.id, label: p.name, description: p.id }))}
        value={value || null}
        onChange={(v) => onChange(v.value!)}
      />
    </Field>
  );
}

function TextField({
  label,
  value,
  onChange,
  multiline,
  placeholder,
  type,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  multiline?: boolean;
  placeholder?: string;
  type?: string;
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

/** A new patch plan: hosts or a host group, packages and/or advisories, post-install checks, emergency. */
export function NewPlanForm({
  people,
  onClose,
  onSaved,
}: {
  people: Person[];
  onClose: () => void;
  onSaved: (plan: PatchPlan) => void;
}) {
  const [title, setTitle] = useState('');
  const [hosts, setHosts] = useState('');
  const [hostGroup, setHostGroup] = useState('');
  const [packages, setPackages] = useState('');
  const [advisories, setAdvisories] = useState('');
  const [emergency, setEmergency] = useState(false);
  const [reason, setReason] = useState('');
  const [approver, setApprover] = useState('');
  const [checks, setChecks] = useState<PostInstallCheck[]>([]);
  const created = useRef<PatchPlan>();
  const { error, saving, submit } = useSubmit(() => created.current && onSaved(created.current));
  const body = (): CreatePlanBody => ({
    title: title.trim(),
    ...(splitList(hosts).length ? { hosts: splitList(hosts) } : {}),
    ...(hostGroup.trim() ? { hostGroup: hostGroup.trim() } : {}),
    ...(splitList(packages).length ? { packages: splitList(packages) } : {}),
    ...(splitList(advisories).length ? { advisories: splitList(advisories) } : {}),
    ...(emergency ? { emergency: { reason: reason.trim(), approver } } : {}),
    ...(checks.length
      ? { postInstallChecks: checks.map((c) => ({ ...c, name: c.name.trim(), expr: c.expr.trim() })) }
      : {}),
  });
  const setCheck = (i: number, patch: Partial<PostInstallCheck>) =>
    setChecks(checks.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Modal title={t('patches.plans.new', 'New patch plan')} isOpen onDismiss={onClose}>
      {error !== undefined && <ActionError error={error} />}
      <TextField label={t('patches.plan.title', 'Title')} value={title} onChange={setTitle} />
      <TextField
        label={t('patches.plan.hosts', 'Hosts')}
        value={hosts}
        onChange={setHosts}
        placeholder={t('patches.plan.hostsPlaceholder', 'instances, e.g. db1:9741 db2:9741')}
      />
      <TextField label={t('patches.plan.hostGroup', 'Host group')} value={hostGroup} onChange={setHostGroup} />
      <TextField
        label={t('patches.plan.packages', 'Packages')}
        value={packages}
        onChange={setPackages}
        placeholder="openssl libssl3"
      />
      <TextField
        label={t('patches.plan.advisories', 'Advisories')}
        value={advisories}
        onChange={setAdvisories}
        placeholder="DSA-5764-1 RHSA-2024:1234"
      />
      <h5>{t('patches.plan.checks', 'Post-install checks (PromQL)')}</h5>
      {checks.map((c, i) => (
        <Stack key={i} gap={1} alignItems="flex-end">
          <TextField
            label={t('patches.plan.checkName', 'Check name')}
            value={c.name}
            onChange={(v) => setCheck(i, { name: v })}
          />
          <TextField
            label={t('patches.plan.checkExpr', 'Expression')}
            value={c.expr}
            onChange={(v) => setCheck(i, { expr: v })}
            placeholder={'up{job="host"} == 0'}
          />
          <Field label={t('patches.plan.checkExpect', 'Passes when the result is')}>
            <RadioButtonGroup<PostInstallCheck['expect']>
              options={[
                { value: 'empty', label: t('patches.plan.expectEmpty', 'empty') },
                { value: 'non_empty', label: t('patches.plan.expectNonEmpty', 'not empty') },
              ]}
              value={c.expect}
              onChange={(v) => setCheck(i, { expect: v })}
            />
          </Field>
          <Button
            variant="secondary"
            icon="trash-alt"
            aria-label={t('patches.plan.removeCheck', 'Remove check')}
            onClick={() => setChecks(checks.filter((_, j) => j !== i))}
          />
        </Stack>
      ))}
      <Button
        variant="secondary"
        size="sm"
        icon="plus"
        onClick={() => setChecks([...checks, { name: '', expr: '', expect: 'empty' }])}
      >
        {t('patches.plan.addCheck', 'Add check')}
      </Button>
      <Field label={t('patches.plan.emergency', 'Emergency')}>
        <Checkbox
          label={t(
            'patches.plan.emergencyHint',
            'Emergency: may be scheduled outside trading-calendar rules; needs a reason and an approver'
          )}
          value={emergency}
          onChange={(e) => setEmergency(e.currentTarget.checked)}
        />
      </Field>
      {emergency && (
        <>
          <TextField
            label={t('patches.plan.emergencyReason', 'Emergency reason')}
            value={reason}
            onChange={setReason}
            multiline
          />
          <PersonSelect
            label={t('patches.plan.emergencyApprover', 'Emergency approver')}
            people={people}
            value={approver}
            onChange={setApprover}
          />
        </>
      )}
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel', 'Cancel')}
        </Button>
        <Button
          disabled={saving}
          onClick={() =>
            submit(async () => {
              created.current = await createPlan(body());
            })
          }
        >
          {t('patches.plans.create', 'Create plan')}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}

type Evidence = 'run' | 'snapshot';

/** The form of one step of a plan, each with the fields the server's gate needs. */
export function PlanActionForm({
  plan,
  action,
  people,
  onClose,
  onSaved,
}: {
  plan: PatchPlan;
  action: PlanAction;
  people: Person[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [testHosts, setTestHosts] = useState('');
  const [result, setResult] = useState<'passed' | 'failed'>('passed');
  const [evidence, setEvidence] = useState('');
  // the server takes an approval from the approver only: the signed-in user, when the directory has them
  const [approver, setApprover] = useState(signedInPerson(people) ?? '');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [evidenceKind, setEvidenceKind] = useState<Evidence>('run');
  const [backupRunId, setBackupRunId] = useState('');
  const [tool, setTool] = useState('restic');
  const [snapshotId, setSnapshotId] = useState('');
  const [takenAt, setTakenAt] = useState('');
  const [installedAt, setInstalledAt] = useState('');
  const [notes, setNotes] = useState('');
  const [rebooted, setRebooted] = useState(false);
  const [rebootAt, setRebootAt] = useState('');
  const [reason, setReason] = useState('');
  const [what, setWhat] = useState('');
  const [why, setWhy] = useState('');
  const { error, saving, submit } = useSubmit(onSaved);

  const body = (): object => {
    switch (action) {
      case 'test':
        return { testHosts: splitList(testHosts), result, evidence: evidence.trim() };
      case 'approve':
        return { approver };
      case 'schedule':
        return { start: localInputToIso(start) ?? start, end: localInputToIso(end) ?? end };
      case 'install':
        return {
          backup:
            evidenceKind === 'run'
              ? { backupRunId: backupRunId.trim() }
              : {
                  tool: tool.trim(),
                  snapshotId: snapshotId.trim(),
                  ...(localInputToIso(takenAt) ? { takenAt: localInputToIso(takenAt) } : {}),
                },
          ...(localInputToIso(installedAt) ? { installedAt: localInputToIso(installedAt) } : {}),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
        };
      case 'verify':
        return {
          ...(rebooted ? { reboot: { done: true, at: localInputToIso(rebootAt) ?? new Date().toISOString() } } : {}),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
        };
      case 'decline':
      case 'fail':
        return { reason: reason.trim() };
      case 'rollback':
        return { what: what.trim(), why: why.trim() };
      case 'close':
        return {};
    }
  };

  return (
    <Modal title={`${planActionLabel(action)} · ${plan.number}`} isOpen onDismiss={onClose}>
      <div data-testid={`plan-form-${action}`}>
        {error !== undefined && <ActionError error={error} />}
        {action === 'test' && (
          <>
            <TextField
              label={t('patches.form.testHosts', 'Test hosts')}
              value={testHosts}
              onChange={setTestHosts}
              placeholder="test-db1:9741"
            />
            <Field label={t('patches.form.result', 'Result')}>
              <RadioButtonGroup<'passed' | 'failed'>
                options={[
                  { value: 'passed', label: t('patches.form.passed', 'passed') },
                  { value: 'failed', label: t('patches.form.failed', 'failed') },
                ]}
                value={result}
                onChange={setResult}
              />
            </Field>
            <TextField
              label={t('patches.form.evidence', 'Evidence (link or note)')}
              value={evidence}
              onChange={setEvidence}
              multiline
            />
          </>
        )}
        {action === 'approve' && (
          <PersonSelect
            label={t('patches.form.approver', 'Approver')}
            people={people}
            value={approver}
            onChange={setApprover}
          />
        )}
        {action === 'schedule' && (
          <>
            <TextField
              label={t('patches.form.start', 'Start')}
              type="datetime-local"
              value={start}
              onChange={setStart}
            />
            <TextField label={t('patches.form.end', 'End')} type="datetime-local" value={end} onChange={setEnd} />
          </>
        )}
        {action === 'install' && (
          <>
            <Field label={t('patches.form.backupEvidence', 'Backup evidence')}>
              <RadioButtonGroup<Evidence>
                options={[
                  { value: 'run', label: t('patches.form.backupRun', 'a backup run') },
                  { value: 'snapshot', label: t('patches.form.snapshot', 'a snapshot id and tool') },
                ]}
                value={evidenceKind}
                onChange={setEvidenceKind}
              />
            </Field>
            {evidenceKind === 'run' ? (
              <TextField
                label={t('patches.form.backupRunId', 'Backup run id')}
                value={backupRunId}
                onChange={setBackupRunId}
              />
            ) : (
              <>
                <TextField label={t('patches.form.tool', 'Tool')} value={tool} onChange={setTool} />
                <TextField
                  label={t('patches.form.snapshotId', 'Snapshot id')}
                  value={snapshotId}
                  onChange={setSnapshotId}
                />
                <TextField
                  label={t('patches.form.takenAt', 'Snapshot taken at')}
                  type="datetime-local"
                  value={takenAt}
                  onChange={setTakenAt}
                />
              </>
            )}
            <TextField
              label={t('patches.form.installedAt', 'Installed at (empty: now)')}
              type="datetime-local"
              value={installedAt}
              onChange={setInstalledAt}
            />
            <TextField label={t('patches.form.notes', 'Notes')} value={notes} onChange={setNotes} multiline />
          </>
        )}
        {action === 'verify' && (
          <>
            <p>
              {t(
                'patches.form.verifyHint',
                'The server collects the hosts now, then checks that no host reports the packages pending, that a required reboot was done, and that the post-install checks pass.'
              )}
            </p>
            <Field label={t('patches.form.reboot', 'Reboot')}>
              <Checkbox
                label={t('patches.form.rebootDone', 'The hosts were rebooted')}
                value={rebooted}
                onChange={(e) => setRebooted(e.currentTarget.checked)}
              />
            </Field>
            {rebooted && (
              <TextField
                label={t('patches.form.rebootAt', 'Rebooted at (empty: now)')}
                type="datetime-local"
                value={rebootAt}
                onChange={setRebootAt}
              />
            )}
            <TextField label={t('patches.form.notes', 'Notes')} value={notes} onChange={setNotes} multiline />
          </>
        )}
        {(action === 'decline' || action === 'fail') && (
          <TextField label={t('patches.form.reason', 'Reason')} value={reason} onChange={setReason} multiline />
        )}
        {action === 'rollback' && (
          <>
            <TextField
              label={t('patches.form.what', 'What was rolled back')}
              value={what}
              onChange={setWhat}
              multiline
            />
            <TextField label={t('patches.form.why', 'Why')} value={why} onChange={setWhy} multiline />
          </>
        )}
        {action === 'close' && <p>{t('patches.form.closeHint', 'Close the verified plan.')}</p>}
      </div>
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel', 'Cancel')}
        </Button>
        <Button
          disabled={saving}
          variant={action === 'decline' || action === 'fail' || action === 'rollback' ? 'destructive' : 'primary'}
          onClick={() => submit(() => planAction(plan.id, action, body()))}
        >
          {planActionLabel(action)}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}
