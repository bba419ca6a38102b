import React, { useState } from 'react';
import { Button, Field, FileUpload, Input, Modal, RadioButtonGroup, Select, TextArea } from '@grafana/ui';
import { t } from '../i18n';
import {
  importTemplate,
  MANUAL_RESULTS,
  openFollowUp,
  recordItem,
  startRun,
  startVerification,
  type InspectionRunDetail,
  type InspectionTemplate,
  type ManualResult,
  type RunItem,
  type TemplateImportResult,
} from '../api/inspections';
import type { Person, Severity } from '../api/types';
import { ErrorMessage } from './ErrorMessage';
import { manualResultLabel } from './InspectionBadges';
import { useSubmit } from './useSubmit';

const personOptions = (people: Person[]) => people.map((p) => ({ value: p.id, label: p.name, description: p.id }));

/** Imports a template (巡检模板) from its YAML: a known key makes a new version. */
export function InspectionImportForm({
  onClose,
  onSaved,
}: {
  onClose: () => void;
  onSaved: (result: TemplateImportResult) => void;
}) {
  const [yaml, setYaml] = useState('');
  const { error, saving, submit } = useSubmit(() => undefined);
  return (
    <Modal title={t('inspections.import.title', 'Import a template (YAML)')} isOpen onDismiss={onClose}>
      {error !== undefined && <ErrorMessage error={error} subject="record" />}
      <Field
        label={t('inspections.import.yaml', 'Template YAML')}
        description={t(
          'inspections.import.hint',
          'The same key as an existing template makes a new version of it; the same text changes nothing.'
        )}
        required
      >
        <TextArea
          aria-label={t('inspections.import.yaml', 'Template YAML')}
          rows={14}
          value={yaml}
          onChange={(e) => setYaml(e.currentTarget.value)}
        />
      </Field>
      <FileUpload
        accept=".yml,.yaml"
        onFileUpload={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void file.text().then(setYaml);
        }}
      >
        {t('inspections.import.file', 'Read a file')}
      </FileUpload>
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel', 'Cancel')}
        </Button>
        <Button
          disabled={saving || yaml.trim() === ''}
          onClick={() => submit(async () => onSaved(await importTemplate(yaml)))}
        >
          {t('inspections.import.save', 'Import')}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}

/** Starts a run of a template now, optionally naming who inspects and who reviews it. */
export function InspectionStartForm({
  templates,
  template: initial,
  people,
  onClose,
  onStarted,
}: {
  templates: InspectionTemplate[];
  template?: string;
  people: Person[];
  onClose: () => void;
  onStarted: (run: InspectionRunDetail) => void;
}) {
  const [template, setTemplate] = useState(initial ?? '');
  const [inspector, setInspector] = useState('');
  const [reviewer, setReviewer] = useState('');
  const { error, saving, submit } = useSubmit(() => undefined);
  return (
    <Modal title={t('inspections.start', 'Start a run')} isOpen onDismiss={onClose}>
      {error !== undefined && <ErrorMessage error={error} subject="record" />}
      <Field label={t('inspections.col.template', 'Template')} required>
        <Select
          aria-label={t('inspections.col.template', 'Template')}
          options={templates
            .filter((x) => !x.archived)
            .map((x) => ({ value: x.key, label: x.title, description: `${x.key} v${x.version}` }))}
          value={template || null}
          onChange={(v) => setTemplate(v.value!)}
        />
      </Field>
      <Field label={t('inspections.inspector', 'Inspector')}>
        <Select
          aria-label={t('inspections.inspector', 'Inspector')}
          isClearable
          options={personOptions(people)}
          value={inspector || null}
          onChange={(v) => setInspector(v?.value ?? '')}
        />
      </Field>
      <Field label={t('inspections.reviewer', 'Reviewer')}>
        <Select
          aria-label={t('inspections.reviewer', 'Reviewer')}
          isClearable
          options={personOptions(people)}
          value={reviewer || null}
          onChange={(v) => setReviewer(v?.value ?? '')}
        />
      </Field>
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel', 'Cancel')}
        </Button>
        <Button
          disabled={saving || template === ''}
          onClick={() =>
            submit(async () =>
              onStarted(
                await startRun({
                  template,
                  ...(inspector ? { inspector } : {}),
                  ...(reviewer ? { reviewer } : {}),
                })
              )
            )
          }
        >
          {t('inspections.startNow', 'Run the checks now')}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}

/** A manual item's result (正常/异常/不适用), a note and an evidence link. */
export function InspectionItemForm({
  run,
  item,
  onClose,
  onSaved,
}: {
  run: string;
  item: RunItem;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [result, setResult] = useState<ManualResult | undefined>(
    (MANUAL_RESULTS as string[]).includes(item.status) ? (item.status as ManualResult) : undefined
  );
  const [note, setNote] = useState(item.note ?? '');
  const [evidenceName, setEvidenceName] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const { error, saving, submit } = useSubmit(onSaved);
  const url = evidenceUrl.trim();
  return (
    <Modal title={item.title} isOpen onDismiss={onClose}>
      {item.guidance && <p data-testid="inspection-guidance">{item.guidance}</p>}
      {error !== undefined && <ErrorMessage error={error} subject="record" />}
      <Field label={t('inspections.item.result', 'Result')} required>
        <RadioButtonGroup<ManualResult>
          options={MANUAL_RESULTS.map((r) => ({ value: r, label: manualResultLabel(r) }))}
          value={result}
          onChange={setResult}
        />
      </Field>
      <Field label={t('inspections.item.note', 'Note')}>
        <TextArea
          aria-label={t('inspections.item.note', 'Note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
      </Field>
      <Field
        label={t('inspections.item.evidence', 'Evidence link')}
        description={
          item.evidenceRequired
            ? t('inspections.item.evidenceRequired', 'This item needs evidence: a link to a screenshot, log or ticket.')
            : t('inspections.item.evidenceHint', 'Optional: a link to a screenshot, log or ticket.')
        }
        required={item.evidenceRequired}
      >
        <Input
          aria-label={t('inspections.item.evidence', 'Evidence link')}
          placeholder="https://"
          value={evidenceUrl}
          onChange={(e) => setEvidenceUrl(e.currentTarget.value)}
        />
      </Field>
      <Field label={t('inspections.item.evidenceName', 'Evidence name')}>
        <Input
          aria-label={t('inspections.item.evidenceName', 'Evidence name')}
          value={evidenceName}
          onChange={(e) => setEvidenceName(e.currentTarget.value)}
        />
      </Field>
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel', 'Cancel')}
        </Button>
        <Button
          disabled={saving || result === undefined}
          onClick={() =>
            submit(() =>
              recordItem(run, item.key, {
                result: result!,
                ...(note.trim() ? { note: note.trim() } : {}),
                ...(url ? { evidence: [{ name: evidenceName.trim() || url, url }] } : {}),
              })
            )
          }
        >
          {t('inspections.item.save', 'Save the result')}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}

const SEVERITIES: Severity[] = ['P1', 'P2', 'P3', 'P4'];

/** Opens an incident from an abnormal item; the incident and the run link to each other. */
export function InspectionFollowUpForm({
  run,
  item,
  onClose,
  onSaved,
}: {
  run: string;
  item: RunItem;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [severity, setSeverity] = useState<Severity>('P3');
  const [title, setTitle] = useState(item.title);
  const { error, saving, submit } = useSubmit(onSaved);
  return (
    <Modal title={t('inspections.followUp.title', 'Open an incident for this item')} isOpen onDismiss={onClose}>
      {error !== undefined && <ErrorMessage error={error} subject="record" />}
      <Field label={t('inspections.followUp.severity', 'Severity')} required>
        <RadioButtonGroup<Severity>
          options={SEVERITIES.map((v) => ({ value: v, label: v }))}
          value={severity}
          onChange={setSeverity}
        />
      </Field>
      <Field label={t('inspections.followUp.incidentTitle', 'Incident title')}>
        <Input
          aria-label={t('inspections.followUp.incidentTitle', 'Incident title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
      </Field>
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel', 'Cancel')}
        </Button>
        <Button
          disabled={saving}
          onClick={() =>
            submit(() =>
              openFollowUp(run, item.key, {
                kind: 'incident',
                severity,
                ...(title.trim() ? { title: title.trim() } : {}),
              })
            )
          }
        >
          {t('inspections.followUp.save', 'Open the incident')}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}

/** Starts a verification run (验证巡检) of an incident after its repair. */
export function InspectionVerifyForm({
  incident,
  templates,
  onClose,
  onStarted,
}: {
  incident: string;
  templates: InspectionTemplate[];
  onClose: () => void;
  onStarted: (run: InspectionRunDetail) => void;
}) {
  const [template, setTemplate] = useState('');
  const { error, saving, submit } = useSubmit(() => undefined);
  return (
    <Modal title={t('inspections.verify.title', 'Verify the repair with an inspection')} isOpen onDismiss={onClose}>
      {error !== undefined && <ErrorMessage error={error} subject="record" />}
      <Field label={t('inspections.col.template', 'Template')} required>
        <Select
          aria-label={t('inspections.col.template', 'Template')}
          options={templates
            .filter((x) => !x.archived)
            .map((x) => ({ value: x.key, label: x.title, description: `${x.key} v${x.version}` }))}
          value={template || null}
          onChange={(v) => setTemplate(v.value!)}
        />
      </Field>
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel', 'Cancel')}
        </Button>
        <Button
          disabled={saving || template === ''}
          onClick={() => submit(async () => onStarted(await startVerification(incident, template)))}
        >
          {t('inspections.verify.start', 'Start the verification run')}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}
