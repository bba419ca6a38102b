import React, { useState } from 'react';
import { lastValueFrom } from 'rxjs';
import { css } from '@emotion/css';
import { AppPluginMeta, GrafanaTheme2, PluginConfigPageProps, PluginMeta } from '@grafana/data';
import { t } from '../i18n';
import { DataSourcePicker, getBackendSrv } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, SecretInput, Stack, useStyles2 } from '@grafana/ui';
import { ApiError } from '../api/client';
import { checkServer } from '../api/opsdesk';
import type { AppSettings } from '../constants';
import { explainError } from './ErrorMessage';

export type AppConfigProps = PluginConfigPageProps<AppPluginMeta<AppSettings>>;

type Secret = 'viewerToken' | 'editorToken';

/** What "Test connection" found, in words that say what to fix. */
export function describeConnectionError(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.kind === 'unreachable') {
      return t(
        'config.test.unreachable',
        'The server URL cannot be reached from Grafana ({{detail}}). Check the URL and that opsdesk-server runs.',
        { detail: err.message }
      );
    }
    if (err.kind === 'tokenRejected') {
      return t(
        'config.test.tokenRejected',
        'The server refused the saved viewer token. Create one with opsdesk-server token create --role viewer --grafana-plugin, enter it here and save.'
      );
    }
    if (err.kind === 'unauthorized') {
      return t(
        'config.test.unauthorized',
        'The server refused the viewer token (401). Create one with opsdesk-server token create --role viewer and save it here.'
      );
    }
    if (err.kind === 'forbidden') {
      return t(
        'config.test.forbidden',
        'The token is valid but lacks the role (403). The viewer token needs at least the viewer role.'
      );
    }
    if (err.kind === 'notFound') {
      return t(
        'config.test.notFound',
        'Something answers at this URL, but not an OpsDesk server (404). Check the URL.'
      );
    }
  }
  if (err instanceof Error && err.message === 'incompatible') {
    return t(
      'config.test.incompatible',
      'The server does not speak the OpsDesk API v1 this plugin needs. Upgrade the server or the plugin.'
    );
  }
  return explainError(err).title;
}

const AppConfig = ({ plugin }: AppConfigProps) => {
  const s = useStyles2(getStyles);
  const { enabled, pinned, jsonData, secureJsonFields } = plugin.meta;
  const [serverUrl, setServerUrl] = useState(jsonData?.serverUrl ?? '');
  const [prometheusUid, setPrometheusUid] = useState(jsonData?.prometheusUid ?? '');
  const [secrets, setSecrets] = useState<Record<Secret, string>>({ viewerToken: '', editorToken: '' });
  const [configured, setConfigured] = useState<Record<Secret, boolean>>({
    viewerToken: Boolean(secureJsonFields?.viewerToken),
    editorToken: Boolean(secureJsonFields?.editorToken),
  });
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>();
  const [saveError, setSaveError] = useState<string | undefined>();

  const save = async () => {
    // Only secrets that were typed are sent; untouched ones stay as Grafana stored them.
    const secureJsonData = Object.fromEntries(
      Object.entries(secrets).filter(([k, v]) => v !== '' || !configured[k as Secret])
    );
    try {
      await lastValueFrom(
        getBackendSrv().fetch({
          url: `/api/plugins/${plugin.meta.id}/settings`,
          method: 'POST',
          // the page reloads with the new settings; Grafana's own "Plugin settings updated"
          // toast would be a second message for the same save
          showSuccessAlert: false,
          data: {
            enabled,
            pinned,
            jsonData: { serverUrl: serverUrl.replace(/\/+$/, ''), prometheusUid },
            secureJsonData,
          } satisfies Partial<PluginMeta<AppSettings>> & { secureJsonData: object },
        })
      );
      window.location.reload();
    } catch (err) {
      setSaveError(explainError(err).title);
    }
  };

  const test = async () => {
    setResult(undefined);
    try {
      const { version } = await checkServer();
      setResult({
        ok: true,
        text: t('config.test.ok', 'The saved settings work: OpsDesk server {{version}}, API v1.', { version }),
      });
    } catch (err) {
      setResult({ ok: false, text: describeConnectionError(err) });
    }
  };

  const secretField = (key: Secret, label: string, description: string) => (
    <Field label={label} description={description}>
      <SecretInput
        width={60}
        id={`config-${key}`}
        aria-label={label}
        value={secrets[key]}
        isConfigured={configured[key]}
        onChange={(e) => setSecrets({ ...secrets, [key]: e.currentTarget.value.trim() })}
        onReset={() => {
          setSecrets({ ...secrets, [key]: '' });
          setConfigured({ ...configured, [key]: false });
        }}
      />
    </Field>
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <FieldSet label={t('config.title', 'OpsDesk server')}>
        <Field
          label={t('config.serverUrl', 'Server URL')}
          description={t(
            'config.serverUrlHelp',
            'Where Grafana reaches opsdesk-server, e.g. http://opsdesk-server:9744'
          )}
        >
          <Input
            width={60}
            id="config-server-url"
            aria-label={t('config.serverUrl', 'Server URL')}
            value={serverUrl}
            placeholder="http://opsdesk-server:9744"
            onChange={(e) => setServerUrl(e.currentTarget.value.trim())}
          />
        </Field>
        <Field
          label={t('config.prometheus', 'Prometheus data source')}
          description={t('config.prometheusHelp', 'Used to plot alert expressions and for Explore links')}
        >
          <DataSourcePicker
            pluginId="prometheus"
            current={prometheusUid || null}
            onChange={(ds) => setPrometheusUid(ds.uid)}
            width={60}
            noDefault
          />
        </Field>
        {secretField(
          'viewerToken',
          t('config.viewerToken', 'Viewer token'),
          t(
            'config.viewerTokenHelp',
            'Used for every read; opsdesk-server token create --name grafana-viewer --role viewer'
          )
        )}
        {secretField(
          'editorToken',
          t('config.editorToken', 'Editor token'),
          t(
            'config.editorTokenHelp',
            'Used for changes by Grafana Editors; opsdesk-server token create --name grafana --role editor'
          )
        )}
        <Stack gap={1}>
          <Button type="submit" disabled={!serverUrl}>
            {t('config.save', 'Save settings')}
          </Button>
          <Button type="button" variant="secondary" onClick={test}>
            {t('config.testButton', 'Test connection')}
          </Button>
        </Stack>
        <p className={s.note}>
          {t(
            'config.testHelp',
            'Test connection checks the saved settings: Grafana forwards the request with the saved URL and viewer token, so save changes first.'
          )}
        </p>
        <div className={s.result}>
          {result && (
            <Alert severity={result.ok ? 'success' : 'error'} title={result.text} data-testid="connection-result" />
          )}
          {saveError && <Alert severity="error" title={saveError} />}
        </div>
      </FieldSet>
    </form>
  );
};

export default AppConfig;

const getStyles = (theme: GrafanaTheme2) => ({
  result: css({ marginTop: theme.spacing(2) }),
  note: css({ marginTop: theme.spacing(1), color: theme.colors.text.secondary }),
});
