import React from 'react';
import { Badge, Button, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import type { Override, Person } from '../api/types';
import { dateTimeInZone, personName } from './oncallFormat';
import { getTableStyles } from './tableStyles';

/** The overrides of the shown week; an Editor deletes one (both halves of a swap are overrides too). */
export function OverrideList({
  overrides,
  people,
  timeZone,
  canEdit,
  busy,
  onDelete,
}: {
  overrides: Override[];
  people: Map<string, Person>;
  timeZone: string;
  canEdit: boolean;
  busy: boolean;
  onDelete: (o: Override) => void;
}) {
  const s = useStyles2(getTableStyles);
  if (overrides.length === 0) return <p className={s.muted}>{t('oncall.overrides.none', 'No overrides this week.')}</p>;
  return (
    <table className={s.table} data-testid="oncall-overrides">
      <thead>
        <tr>
          <th>{t('oncall.col.layer', 'Layer')}</th>
          <th>{t('oncall.col.person', 'Person')}</th>
          <th>{t('oncall.col.start', 'From')}</th>
          <th>{t('oncall.col.end', 'Until')}</th>
          <th>{t('oncall.col.reason', 'Reason')}</th>
          <th>{t('oncall.col.createdBy', 'By')}</th>
          {canEdit && <th />}
        </tr>
      </thead>
      <tbody>
        {overrides.map((o) => (
          <tr key={o.id}>
            <td>{o.layer}</td>
            <td>
              {personName(o.person, people)}{' '}
              {o.swapId && <Badge text={t('oncall.source.swap', 'swap')} color="orange" />}
            </td>
            <td>{dateTimeInZone(o.start, timeZone)}</td>
            <td>{dateTimeInZone(o.end, timeZone)}</td>
            <td>{o.reason || '—'}</td>
            <td>{o.createdBy}</td>
            {canEdit && (
              <td>
                <Button
                  size="sm"
                  variant="destructive"
                  fill="text"
                  icon="trash-alt"
                  disabled={busy}
                  aria-label={t('oncall.overrides.deleteLabel', 'Delete the override of {{person}}', {
                    person: personName(o.person, people),
                  })}
                  onClick={() => onDelete(o)}
                >
                  {t('oncall.overrides.delete', 'Delete')}
                </Button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
