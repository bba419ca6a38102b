import React from 'react';
import { Alert } from '@grafana/ui';
import { ApiError } from '../api/client';
import { t } from '../i18n';
import { ErrorMessage } from './ErrorMessage';

/**
 * A refused step of a patch plan or a finding. A gate not met (409 gate_unmet) shows the server's
 * own message, which names what is missing and how to add it; anything else as every page does.
 */
export function ActionError({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.code === 'gate_unmet') {
    return (
      <Alert severity="warning" title={t('patches.gateUnmet', 'A gate of the plan is not met')}>
        <div data-testid="error-detail">{error.message}</div>
      </Alert>
    );
  }
  return <ErrorMessage error={error} subject="record" />;
}
