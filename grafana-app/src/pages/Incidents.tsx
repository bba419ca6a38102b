import React, { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '../i18n';
import { PluginPage } from '@grafana/runtime';
import {
  Button,
  Field,
  Input,
  LoadingPlaceholder,
  Modal,
  MultiSelect,
  Select,
  Stack,
  TextArea,
  useStyles2,
} from '@grafana/ui';
import { countIncidents, createIncident, listIncidents } from '../api/opsdesk';
import { SEVERITIES, STATUSES, type IncidentFilter, type Severity, type Status } from '../api/types';
import { SeverityBadge, SlaClock, StatusBadge } from '../components/Badges';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatTime, statusLabel } from '../components/format';
import { useCanEdit } from '../components/settings';
import { usePoll } from '../components/usePoll';
import { ROUTES } from '../constants';
import { prefixRoute } from '../utils/routing';

const RANGES = ['24h', '7d', '30d', '90d', 'all'] as const;
const RANGE_MS: Record<string, number> = {
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
  '90d': 90 * 86_400_000,
};

/** The filter lives in the URL, so a link reproduces the view. */
function useFilter(): [IncidentFilter & { range: string }, (patch: Record<string, string | undefined>) => void] {
  const [params, setParams] = useSearchParams();
  const range = params.get('range') ?? 'all';
  const filter = useMemo(() => {
    const list = <T extends string>(key: string) =>
      params.get(key) ? (params.get(key)!.split(',') as T[]) : undefined;
    return {
      status: list<Status>('status'),
      severity: list<Severity>('severity'),
      service: params.get('service') ?? undefined,
      q: params.get('q') ?? undefined,
      cursor: params.get('cursor') ?? undefined,
      from: RANGE_MS[range] ? new Date(Date.now() - RANGE_MS[range]).toISOString() : undefined,
      range,
      limit: 50,
    };
  }, [params, range]);
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') {
        next.delete(k);
      } else {
        next.set(k, v);
      }
    }
    if (!('cursor' in patch)) {
      next.delete('cursor'); // a new filter starts at the first page
    }
    setParams(next, { replace: false });
  };
  return [filter, update];
}

function Incidents() {
  const s = useStyles2(getStyles);
  const canEdit = useCanEdit();
  const [filter, update] = useFilter();
  const [creating, setCreating] = useState(false);
  const [text, setText] = useState(filter.q ?? '');
  const key = JSON.stringify(filter);
  const page = usePoll(() => listIncidents(filter), [key], 30_000, !creating);
  const counts = usePoll(() => countIncidents(filter), [key], 30_000, !creating);
  const [history, setHistory] = useState<string[]>([]);

  return (
    <PluginPage>
      <div className={s.filters} role="search">
        <Field label={t('incidents.filter.status', 'Status')}>
          <MultiSelect
            aria-label={t('incidents.filter.status', 'Status')}
            width={40}
            options={STATUSES.map((v) => ({ value: v, label: statusLabel(v) }))}
            value={filter.status ?? []}
            onChange={(v) => update({ status: v.map((o) => o.value).join(',') })}
          />
        </Field>
        <Field label={t('incidents.filter.severity', 'Severity')}>
          <MultiSelect
            aria-label={t('incidents.filter.severity', 'Severity')}
            width={24}
            options={SEVERITIES.map((v) => ({ value: v, label: v }))}
            value={filter.severity ?? []}
            onChange={(v) => update({ severity: v.map((o) => o.value).join(',') })}
          />
        </Field>
        <Field label={t('incidents.filter.service', 'Service')}>
          <Input
            aria-label={t('incidents.filter.service', 'Service')}
            width={20}
            defaultValue={filter.service}
            onBlur={(e) => update({ service: e.currentTarget.value.trim() })}
            onKeyDown={(e) => e.key === 'Enter' && update({ service: e.currentTarget.value.trim() })}
          />
        </Field>
        <Field label={t('incidents.filter.text', 'Text')}>
          <Input
            aria-label={t('incidents.filter.text', 'Text')}
            width={28}
            value={text}
            placeholder={t('incidents.filter.textPlaceholder', 'title, symptom or number')}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && update({ q: text.trim() })}
            onBlur={() => text.trim() !== (filter.q ?? '') && update({ q: text.trim() })}
          />
        </Field>
        <Field label={t('incidents.filter.range', 'Detected within')}>
          <Select
            aria-label={t('incidents.filter.range', 'Detected within')}
            width={16}
            options={RANGES.map((r) => ({
              value: r,
              label: r === 'all' ? t('incidents.filter.rangeAll', 'any time') : r,
            }))}
            value={filter.range}
            onChange={(v) => update({ range: v.value === 'all' ? undefined : v.value })}
          />
        </Field>
        {canEdit && (
          <div className={s.newButton}>
            <Button icon="plus" onClick={() => setCreating(true)}>
              {t('incidents.new', 'New incident')}
            </Button>
          </div>
        )}
      </div>

      {counts.data && (
        <div className={s.counts} data-testid="status-counts">
          {STATUSES.map((st) => (
            <button
              key={st}
              className={s.count}
              onClick={() => update({ status: st })}
              aria-label={`${statusLabel(st)}: ${counts.data!.counts[st]}`}
            >
              <span className={s.countValue}>{counts.data!.counts[st]}</span> {statusLabel(st)}
            </button>
          ))}
        </div>
      )}

      {page.error !== undefined && <ErrorMessage error={page.error} onRetry={page.reload} />}
      {!page.data && page.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
      {page.data && (
        <>
          <table className={s.table} data-testid="incidents-table">
            <thead>
              <tr>
                <th>{t('incidents.col.number', 'Number')}</th>
                <th>{t('incidents.col.severity', 'Severity')}</th>
                <th>{t('incidents.col.title', 'Title')}</th>
                <th>{t('incidents.col.service', 'Service')}</th>
                <th>{t('incidents.col.status', 'Status')}</th>
                <th>{t('incidents.col.sla', 'SLA')}</th>
                <th>{t('incidents.col.detected', 'Detected')}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.incidents.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link to={prefixRoute(`${ROUTES.Incidents}/${i.number}`)}>{i.number}</Link>
                  </td>
                  <td>
                    <SeverityBadge severity={i.severity} />
                  </td>
                  <td>{i.title}</td>
                  <td>{i.service}</td>
                  <td>
                    <StatusBadge status={i.status} />
                  </td>
                  <td>
                    <Stack gap={0.5} wrap="wrap">
                      {i.sla
                        .filter((g) => g.state !== 'met')
                        .map((g) => (
                          <SlaClock key={g.goal} goal={g} />
                        ))}
                    </Stack>
                  </td>
                  <td>{formatTime(i.detectedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.data.incidents.length === 0 && (
            <p className={s.empty}>{t('incidents.empty', 'No incidents match this filter.')}</p>
          )}
          <Stack gap={1}>
            <Button
              variant="secondary"
              icon="arrow-left"
              disabled={!filter.cursor}
              onClick={() => {
                const prev = history.slice(0, -1);
                setHistory(prev);
                update({ cursor: history[history.length - 1] || undefined });
              }}
            >
              {t('incidents.page.previous', 'Previous')}
            </Button>
            <Button
              variant="secondary"
              icon="arrow-right"
              disabled={!page.data.nextCursor}
              onClick={() => {
                setHistory([...history, filter.cursor ?? '']);
                update({ cursor: page.data!.nextCursor ?? undefined });
              }}
            >
              {t('incidents.page.next', 'Next')}
            </Button>
          </Stack>
        </>
      )}
      {creating && (
        <NewIncident
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            void page.reload();
            void counts.reload();
          }}
        />
      )}
    </PluginPage>
  );
}

function NewIncident({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('P3');
  const [service, setService] = useState('');
  const [symptom, setSymptom] = useState('');
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    setSaving(true);
    try {
      await createIncident({ title, severity, service, symptom });
      onCreated();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title={t('incidents.new', 'New incident')} isOpen onDismiss={onClose}>
      {error !== undefined && <ErrorMessage error={error} />}
      <Field label={t('incident.field.title', 'Title')} required>
        <Input
          aria-label={t('incident.field.title', 'Title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
      </Field>
      <Field label={t('incident.field.severity', 'Severity')}>
        <Select
          aria-label={t('incident.field.severity', 'Severity')}
          options={SEVERITIES.map((v) => ({ value: v, label: v }))}
          value={severity}
          onChange={(v) => setSeverity(v.value!)}
        />
      </Field>
      <Field label={t('incident.field.service', 'Service')}>
        <Input
          aria-label={t('incident.field.service', 'Service')}
          value={service}
          onChange={(e) => setService(e.currentTarget.value)}
        />
      </Field>
      <Field label={t('incident.field.symptom', 'Symptom')}>
        <TextArea
          aria-label={t('incident.field.symptom', 'Symptom')}
          value={symptom}
          onChange={(e) => setSymptom(e.currentTarget.value)}
        />
      </Field>
      <Modal.ButtonRow>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel', 'Cancel')}
        </Button>
        <Button onClick={submit} disabled={saving}>
          {t('incidents.create', 'Create')}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}

export default Incidents;

const getStyles = (theme: GrafanaTheme2) => ({
  filters: css({ display: 'flex', gap: theme.spacing(1), flexWrap: 'wrap', alignItems: 'flex-end' }),
  newButton: css({ marginLeft: 'auto', marginBottom: theme.spacing(2) }),
  counts: css({ display: 'flex', gap: theme.spacing(1), margin: theme.spacing(1, 0, 2), flexWrap: 'wrap' }),
  count: css({
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(0.5, 1.5),
    color: theme.colors.text.primary,
    cursor: 'pointer',
  }),
  countValue: css({ fontWeight: theme.typography.fontWeightBold, fontSize: theme.typography.h4.fontSize }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    marginBottom: theme.spacing(2),
    'th, td': {
      padding: theme.spacing(0.75, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      verticalAlign: 'top',
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
    a: { color: theme.colors.text.link },
  }),
  empty: css({ color: theme.colors.text.secondary }),
});
