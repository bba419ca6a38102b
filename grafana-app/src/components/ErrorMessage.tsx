import React from 'react';
import { t } from '../i18n';
import { Alert } from '@grafana/ui';
import { ApiError } from '../api/client';

/**
 * The server's message in the user's language where the app knows its code (the server writes
 * English for API clients); otherwise the server's own words.
 */
function detailOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof ApiError)) return message;
  switch (err.code) {
    case 'review_required':
      return t(
        'error.code.reviewRequired',
        'This severity closes only with a post-incident review: write the review below and save it, then close.'
      );
    default:
      return message;
  }
}

/**
 * What the person should do about a failed call, by kind. `subject` says what a 409 is about: an
 * incident's status, or another record (a roster override, a handover) that changed meanwhile.
 */
export function explainError(
  err: unknown,
  subject: 'incident' | 'record' = 'incident'
): { title: string; hint: string; detail: string } {
  const detail = detailOf(err);
  const kind = err instanceof ApiError ? err.kind : 'unreachable';
  switch (kind) {
    case 'unreachable':
      return {
        title: t('error.unreachable.title', 'The OpsDesk server cannot be reached'),
        hint: t(
          'error.unreachable.hint',
          'Check that opsdesk-server is running and that the server URL on the plugin configuration page is right.'
        ),
        detail,
      };
    case 'unauthorized':
      return {
        title: t('error.unauthorized.title', 'The server refused the plugin token'),
        hint: t(
          'error.unauthorized.hint',
          'An administrator should create a token (opsdesk-server token create) and enter it on the plugin configuration page.'
        ),
        detail,
      };
    case 'tokenRejected':
      return {
        title:
          err instanceof ApiError && err.setting === 'editorToken'
            ? t('error.tokenRejected.editor', 'The server refused the editor token of the OpsDesk app')
            : t('error.tokenRejected.viewer', 'The server refused the viewer token of the OpsDesk app'),
        hint: t(
          'error.tokenRejected.hint',
          'An Org Admin enters a valid token under Administration → Plugins → OpsDesk → Configuration (opsdesk-server token create --grafana-plugin).'
        ),
        detail,
      };
    case 'forbidden':
      return {
        title: t('error.forbidden.title', 'You are not allowed to do this'),
        hint: t(
          'error.forbidden.hint',
          'Changing records needs the Editor role in Grafana, and an editor token on the configuration page.'
        ),
        detail,
      };
    case 'conflict':
      if (subject === 'record')
        return {
          title: t('error.conflictRecord.title', 'This conflicts with what is stored now'),
          hint: t(
            'error.conflictRecord.hint',
            'Reload to see the current state, then change what the message below names.'
          ),
          detail,
        };
      return {
        title: t('error.conflict.title', 'The incident changed meanwhile'),
        hint: t(
          'error.conflict.hint',
          'Reload the page to see its current status, then choose one of the actions offered.'
        ),
        detail,
      };
    case 'validation':
      return {
        title: t('error.validation.title', 'The server did not accept the input'),
        hint: t('error.validation.hint', 'Correct the field named below and try again.'),
        detail,
      };
    case 'notFound':
      return {
        title: t('error.notFound.title', 'Not found'),
        hint: t('error.notFound.hint', 'It may have been deleted, or the link is wrong.'),
        detail,
      };
    default:
      return {
        title: t('error.server.title', 'The server failed'),
        hint: t('error.server.hint', 'Try again; if it keeps failing, the opsdesk-server log says why.'),
        detail,
      };
  }
}

export function ErrorMessage({
  error,
  onRetry,
  subject,
}: {
  error: unknown;
  onRetry?: () => void;
  subject?: 'incident' | 'record';
}) {
  const e = explainError(error, subject);
  return (
    <Alert
      severity="error"
      title={e.title}
      onRemove={undefined}
      buttonContent={onRetry ? t('error.retry', 'Retry') : undefined}
      onClick={onRetry}
    >
      <div>{e.hint}</div>
      <div data-testid="error-detail">{e.detail}</div>
    </Alert>
  );
}
