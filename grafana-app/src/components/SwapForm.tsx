import React, { useState } from 'react';
import { Button, Field, Modal, Select } from '@grafana/ui';
import { t } from '../i18n';
import { createSwap } from '../api/oncall';
import type { Roster, Shift } from '../api/types';
import { ErrorMessage } from './ErrorMessage';
import { dateTimeInZone, personName } from './oncallFormat';
import { useSubmit } from './useSubmit';

/** Two people trade shifts of one layer (换班): each takes the other's, recorded as two overrides. */
export function SwapForm({
  roster,
  shifts,
  onClose,
  onSaved,
}: {
  roster: Roster;
  /** the shifts shown, of which the rotation's with a person can be traded */
  shifts: Shift[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [layer, setLayer] = useState(roster.layers[0]?.name ?? '');
  const [a, setA] = useState<string>();
  const [b, setB] = useState<string>();
  const { error, saving, submit } = useSubmit(onSaved);
  const tradable = shifts.filter((x) => x.layer === layer && x.person && x.source === 'rotation');
  const options = tradable.map((x) => ({
    value: x.start,
    label: `${personName(x.person)} · ${dateTimeInZone(x.start, roster.timezone)}`,
  }));
  const pick = (start?: string) => tradable.find((x) => x.start === start);
  const sa = pick(a);
  const sb = pick(b);
  return (
    <Modal title={t('oncall.swap.title', 'Swap shifts')} isOpen onDismiss={onClose}>
      {error !== undefined && <ErrorMessage error={error} subject="record" />}
      <Field label={t('oncall.col.layer', 'Layer')}>
        <Select
          aria-label={t('oncall.col.layer', 'Layer')}
          options={roster.layers.map((l) => ({ value: l.name, label: l.name }))}
          value={layer}
          onChange={(v) => {
            setLayer(v.value!);
            setA(undefined);
            setB(undefined);
          }}
        />
      </Field>
      <Field label={t('oncall.swap.a', 'One shift')}>
        <Select
          aria-label={t('oncall.swap.a', 'One shift')}
          options={options}
          value={a ?? null}
          onChange={(v) => setA(v.value)}
        />
      </Field>
      <Field label={t('oncall.swap.b', 'Traded for')}>
        <Select
          aria-label={t('oncall.swap.b', 'Traded for')}
          options={options.filter((o) => o.value !== a)}
          value={b ?? null}
          onChange={(v) => setB(v.value)}
        />
      </Field>
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel', 'Cancel')}
        </Button>
        <Button
          disabled={saving || !sa || !sb}
          onClick={() =>
            submit(() =>
              createSwap({
                roster: roster.name,
                layer,
                a: { person: sa!.person!.id, start: sa!.start },
                b: { person: sb!.person!.id, start: sb!.start },
              })
            )
          }
        >
          {t('oncall.swap.save', 'Swap')}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}
