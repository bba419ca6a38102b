import React, { useMemo, useState } from 'react';
import { Button, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import { listPolicies, listRestoreRequests } from '../api/backups';
import { listPeople } from '../api/oncall';
import { formatDuration } from './backupsFormat';
import { ErrorMessage } from './ErrorMessage';
import { formatSeconds } from './format';
import { RestoreRequestForm } from './RestoreRequestForm';
import { RestoreRequests } from './RestoreRequests';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { getTableStyles } from './tableStyles';
import { usePoll } from './usePoll';

/**
 * The data restores (数据恢复) of one incident, on its page: each step is on the incident's
 * timeline too, so `onChanged` reloads that. Editors request a new one from here.
 */
export function IncidentRestores({
  incident,
  canEdit,
  onChanged,
}: {
  incident: { id: string; number: string; title: string };
  canEdit: boolean;
  onChanged: () => void;
}) {
  const s = useStyles2(getStyles);
  const [creating, setCreating] = useState(false);
  const requests = usePoll(
    () => listRestoreRequests({ incidentId: incident.number }),
    [incident.number],
    30_000,
    !creating
  );
  const people = usePoll(listPeople, [], 300_000);
  // the policies only for the form
  const policies = usePoll(() => (creating ? listPolicies() : Promise.resolve(undefined)), [creating], 0);
  const byId = useMemo(() => new Map((people.data?.people ?? []).map((p) => [p.id, p])), [people.data]);
  const list = requests.data?.restoreRequests ?? [];
  return (
    <section data-testid="incident-restores" className={s.section}>
      <h3>{t('backups.request.title', 'Data restores')}</h3>
      {requests.error !== undefined && <ErrorMessage error={requests.error} onRetry={requests.reload} />}
      {requests.data && list.length > 0 && (
        <RestoreRequests
          requests={list}
          people={byId}
          canEdit={canEdit}
          showIncident={false}
          onChanged={() => {
            void requests.reload();
            onChanged();
          }}
        />
      )}
      {requests.data?.repair && list.length > 0 && (
        <p data-testid="incident-restore-time">
          {t('backups.request.repair', 'Restoring data took {{restore}} of the repair time of {{repair}}.', {
            restore: formatDuration(requests.data.repair.restoreSeconds),
            repair: formatSeconds(requests.data.repair.repairSeconds),
          })}
        </p>
      )}
      {requests.data && list.length === 0 && (
        <p className={s.muted}>{t('backups.request.none', 'No data restore for this incident.')}</p>
      )}
      {canEdit && (
        <Button variant="secondary" icon="history-alt" onClick={() => setCreating(true)}>
          {t('backups.request.new', 'Request a data restore')}
        </Button>
      )}
      {creating && (
        <RestoreRequestForm
          incident={incident}
          policies={policies.data?.policies ?? []}
          people={people.data?.people ?? []}
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            void requests.reload();
            onChanged();
          }}
        />
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  ...getTableStyles(theme),
  section: css({ margin: theme.spacing(2, 0) }),
});
