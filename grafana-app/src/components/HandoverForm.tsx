import React, { useState } from 'react';
import { Button, Field, Modal, Select, TextArea } from '@grafana/ui';
import { t } from '../i18n';
import { createHandover } from '../api/oncall';
import type { Person, Roster } from '../api/types';
import { ErrorMessage } from './ErrorMessage';
import { useSubmit } from './useSubmit';

/** The person going off duty hands a layer over: notes, and the server attaches the open incidents. */
export function HandoverForm({
  roster,
  people,
  onClose,
  onSaved,
}: {
  roster: Roster;
  people: Person[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [layer, setLayer] = useState(roster.layers[0]?.name ?? '');
  const [to, setTo] = useState('');
  const [notes, setNotes] = useState('');
  const { error, saving, submit } = useSubmit(onSaved);
  return (
    <Modal title={t('oncall.handover.new', 'Hand over')} isOpen onDismiss={onClose}>
      {error !== undefined && <ErrorMessage error={error} subject="record" />}
      <Field label={t('oncall.col.layer', 'Layer')}>
        <Select
          aria-label={t('oncall.col.layer', 'Layer')}
          options={roster.layers.map((l) => ({ value: l.name, label: l.name }))}
          value={layer}
          onChange={(v) => setLayer(v.value!)}
        />
      </Field>
      <Field label={t('oncall.handover.to', 'Taken over by')}>
        <Select
          aria-label={t('oncall.handover.to', 'Taken over by')}
          options={people.map((p) => ({ value: p.id, label: p.name, description: p.id }))}
          value={to || null}
          onChange={(v) => setTo(v.value!)}
        />
      </Field>
      <Field label={t('oncall.handover.notes', 'Notes')}>
        <TextArea
          aria-label={t('oncall.handover.notes', 'Notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
      </Field>
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel', 'Cancel')}
        </Button>
        <Button
          disabled={saving}
          onClick={() => submit(() => createHandover({ roster: roster.name, layer, to, notes: notes.trim() }))}
        >
          {t('oncall.handover.save', 'Record handover')}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}
