import React, { useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '../i18n';
import { Button, Field, Input, RadioButtonGroup, Stack, TextArea, useStyles2 } from '@grafana/ui';
import { SEVERITIES, SUPPORT_MODES, type Incident, type Severity, type SupportMode } from '../api/types';
import { formatTime } from './format';

export type IncidentChanges = Partial<Pick<Incident, 'severity' | 'service' | 'assignee' | 'impact' | 'supportMode'>>;

export function supportModeLabel(mode: SupportMode | null): string {
  if (mode === 'remote') return t('incident.supportMode.remote', 'Remote');
  if (mode === 'onsite') return t('incident.supportMode.onsite', 'On site');
  return '—';
}

/** The facts of an incident; Editors change severity, service, assignee, support mode and impact in place. */
export function IncidentFacts({
  incident: i,
  canEdit,
  busy,
  onSave,
}: {
  incident: Incident;
  canEdit: boolean;
  busy: boolean;
  onSave: (changes: IncidentChanges) => Promise<unknown>;
}) {
  const s = useStyles2(getStyles);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<IncidentChanges>({});
  const value = <K extends keyof IncidentChanges>(k: K) => (k in draft ? draft[k] : i[k]) as Incident[K];

  const start = () => {
    setDraft({});
    setEditing(true);
  };
  const save = async () => {
    const changes = Object.fromEntries(
      Object.entries(draft).filter(([k, v]) => v !== i[k as keyof Incident])
    ) as IncidentChanges;
    if (Object.keys(changes).length > 0) await onSave(changes);
    setEditing(false);
  };

  if (editing) {
    return (
      <form
        className={s.form}
        data-testid="incident-edit"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label={t('incident.field.severity', 'Severity')}>
          <RadioButtonGroup<Severity>
            options={SEVERITIES.map((v) => ({ value: v, label: v }))}
            value={value('severity')}
            onChange={(v) => setDraft({ ...draft, severity: v })}
          />
        </Field>
        <Field label={t('incident.field.service', 'Service')}>
          <Input
            aria-label={t('incident.field.service', 'Service')}
            value={value('service')}
            onChange={(e) => setDraft({ ...draft, service: e.currentTarget.value })}
          />
        </Field>
        <Field label={t('incident.field.assignee', 'Assignee')}>
          <Input
            aria-label={t('incident.field.assignee', 'Assignee')}
            value={value('assignee') ?? ''}
            onChange={(e) => setDraft({ ...draft, assignee: e.currentTarget.value.trim() || null })}
          />
        </Field>
        <Field label={t('incident.field.supportMode', 'Support mode')}>
          <RadioButtonGroup<SupportMode | ''>
            options={[
              ...SUPPORT_MODES.map((m) => ({ value: m, label: supportModeLabel(m) })),
              { value: '' as const, label: t('incident.supportMode.none', 'Not set') },
            ]}
            value={value('supportMode') ?? ''}
            onChange={(v) => setDraft({ ...draft, supportMode: v === '' ? null : v })}
          />
        </Field>
        <Field label={t('incident.field.impact', 'Impact')}>
          <TextArea
            aria-label={t('incident.field.impact', 'Impact')}
            value={value('impact')}
            onChange={(e) => setDraft({ ...draft, impact: e.currentTarget.value })}
          />
        </Field>
        <Stack gap={1}>
          <Button type="submit" disabled={busy}>
            {t('incident.edit.save', 'Save')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
            {t('incident.edit.cancel', 'Cancel')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <>
      <dl className={s.facts}>
        <dt>{t('incident.field.service', 'Service')}</dt>
        <dd>{i.service || '—'}</dd>
        <dt>{t('incident.field.assignee', 'Assignee')}</dt>
        <dd>{i.assignee ?? '—'}</dd>
        <dt>{t('incident.field.supportMode', 'Support mode')}</dt>
        <dd>{supportModeLabel(i.supportMode)}</dd>
        <dt>{t('incident.field.occurred', 'Occurred')}</dt>
        <dd>{formatTime(i.occurredAt)}</dd>
        <dt>{t('incident.field.detected', 'Detected')}</dt>
        <dd>{formatTime(i.detectedAt)}</dd>
        <dt>{t('incident.field.responded', 'First response')}</dt>
        <dd>{formatTime(i.respondedAt)}</dd>
        <dt>{t('incident.field.acknowledged', 'Acknowledged')}</dt>
        <dd>{formatTime(i.acknowledgedAt)}</dd>
        <dt>{t('incident.field.resolved', 'Resolved')}</dt>
        <dd>{formatTime(i.resolvedAt)}</dd>
        <dt>{t('incident.field.symptom', 'Symptom')}</dt>
        <dd>{i.symptom || '—'}</dd>
        <dt>{t('incident.field.impact', 'Impact')}</dt>
        <dd>{i.impact || '—'}</dd>
      </dl>
      {canEdit && (
        <Button size="sm" variant="secondary" icon="pen" onClick={start}>
          {t('incident.edit.button', 'Edit details')}
        </Button>
      )}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.5, 2),
    margin: theme.spacing(2, 0),
    dt: { color: theme.colors.text.secondary },
    dd: { margin: 0, whiteSpace: 'pre-wrap' },
  }),
  form: css({ maxWidth: 640, margin: theme.spacing(2, 0) }),
});
