import React, { useState } from 'react';
import { Button, Field, Input, Modal, Select } from '@grafana/ui';
import { t } from '../i18n';
import { createOverride } from '../api/oncall';
import type { Person, Roster } from '../api/types';
import { instantToWallTime, wallTimeToInstant } from '../utils/week';
import { ErrorMessage } from './ErrorMessage';
import { useSubmit } from './useSubmit';

/** Someone covers a layer for a while (替班); times are typed in the roster's zone. */
export function OverrideForm({
  roster,
  people,
  defaultStart,
  onClose,
  onSaved,
}: {
  roster: Roster;
  people: Person[];
  defaultStart: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const tz = roster.timezone;
  const [layer, setLayer] = useState(roster.layers[0]?.name ?? '');
  const [person, setPerson] = useState('');
  const [start, setStart] = useState(instantToWallTime(defaultStart, tz));
  const [end, setEnd] = useState(instantToWallTime(defaultStart + 86_400_000, tz));
  const [reason, setReason] = useState('');
  const { error, saving, submit } = useSubmit(onSaved);
  return (
    <Modal title={t('oncall.overrides.new', 'New override')} isOpen onDismiss={onClose}>
      {error !== undefined && <ErrorMessage error={error} subject="record" />}
      <Field label={t('oncall.col.layer', 'Layer')}>
        <Select
          aria-label={t('oncall.col.layer', 'Layer')}
          options={roster.layers.map((l) => ({ value: l.name, label: l.name }))}
          value={layer}
          onChange={(v) => setLayer(v.value!)}
        />
      </Field>
      <Field label={t('oncall.col.person', 'Person')}>
        <Select
          aria-label={t('oncall.col.person', 'Person')}
          options={people.map((p) => ({ value: p.id, label: p.name, description: p.id }))}
          value={person || null}
          onChange={(v) => setPerson(v.value!)}
        />
      </Field>
      <Field
        label={t('oncall.col.start', 'From')}
        description={t('oncall.zoneHint', 'in the roster time zone, {{zone}}', { zone: tz })}
      >
        <Input
          aria-label={t('oncall.col.start', 'From')}
          type="datetime-local"
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
        />
      </Field>
      <Field label={t('oncall.col.end', 'Until')}>
        <Input
          aria-label={t('oncall.col.end', 'Until')}
          type="datetime-local"
          value={end}
          onChange={(e) => setEnd(e.currentTarget.value)}
        />
      </Field>
      <Field label={t('oncall.col.reason', 'Reason')} required>
        <Input
          aria-label={t('oncall.col.reason', 'Reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
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
              createOverride({
                roster: roster.name,
                layer,
                person,
                start: new Date(wallTimeToInstant(start, tz)).toISOString(),
                end: new Date(wallTimeToInstant(end, tz)).toISOString(),
                reason: reason.trim(),
              })
            )
          }
        >
          {t('oncall.overrides.save', 'Save override')}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}
