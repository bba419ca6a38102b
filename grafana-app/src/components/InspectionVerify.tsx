import React, { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Stack } from '@grafana/ui';
import { t } from '../i18n';
import { listTemplates, type InspectionRunDetail } from '../api/inspections';
import { ErrorMessage } from './ErrorMessage';
import { InspectionVerifyForm } from './InspectionForms';
import { runRoute } from './InspectionLists';
import { usePoll } from './usePoll';

/**
 * The incident page's "verify" action: after a repair, run a verification template (验证巡检)
 * against the system; the run goes on the incident's timeline and is linked here.
 */
export function InspectionVerify({ incident, onStarted }: { incident: string; onStarted: () => void }) {
  const [open, setOpen] = useState(false);
  const [started, setStarted] = useState<InspectionRunDetail>();
  const templates = usePoll(() => (open ? listTemplates() : Promise.resolve(undefined)), [open], 0);
  return (
    <div data-testid="inspection-verify">
      <Stack gap={1} alignItems="center">
        <Button variant="secondary" icon="check-square" onClick={() => setOpen(true)}>
          {t('inspections.verify.open', 'Verify with an inspection')}
        </Button>
        {started && (
          <Link to={runRoute(started.number)} data-testid="inspection-verify-run">
            {t('inspections.verify.started', 'verification run {{number}}', { number: started.number })}
          </Link>
        )}
      </Stack>
      {open && templates.error !== undefined && <ErrorMessage error={templates.error} onRetry={templates.reload} />}
      {open && templates.data && (
        <InspectionVerifyForm
          incident={incident}
          templates={templates.data.templates}
          onClose={() => setOpen(false)}
          onStarted={(run) => {
            setOpen(false);
            setStarted(run);
            onStarted();
          }}
        />
      )}
    </div>
  );
}
