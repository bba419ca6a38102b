import React, { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { config, PluginPage } from '@grafana/runtime';
import {
  Alert,
  Button,
  ErrorBoundaryAlert,
  Field,
  LinkButton,
  LoadingPlaceholder,
  Select,
  Stack,
  useStyles2,
} from '@grafana/ui';
import { t } from '../i18n';
import {
  acknowledgeHandover,
  calendarFeedHref,
  deleteOverride,
  getSchedule,
  listHandovers,
  listOverrides,
  listPeople,
  listRosters,
  onCallNow,
} from '../api/oncall';
import type { CalendarDay, Person, Roster } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { HandoverForm } from '../components/HandoverForm';
import { HandoverList } from '../components/HandoverList';
import { OnCallNow } from '../components/OnCallNow';
import { OverrideForm } from '../components/OverrideForm';
import { OverrideList } from '../components/OverrideList';
import { RosterWeek } from '../components/RosterWeek';
import { SwapForm } from '../components/SwapForm';
import { useCanEdit } from '../components/settings';
import { usePoll } from '../components/usePoll';
import { weekOf } from '../utils/week';

type Dialog = 'override' | 'swap' | 'handover' | undefined;

/** The clock the page shows "now" and "today" by, moving each minute. */
function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function OnCall() {
  const rosters = usePoll(listRosters, [], 300_000);
  const people = usePoll(listPeople, [], 300_000);
  const [params, setParams] = useSearchParams();
  const list = rosters.data?.rosters ?? [];
  const roster = list.find((r) => r.name === params.get('roster')) ?? list[0];
  const offset = Number(params.get('week') ?? '0') || 0;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };

  return (
    <PluginPage>
      <ErrorBoundaryAlert>
        {rosters.error !== undefined && <ErrorMessage error={rosters.error} onRetry={rosters.reload} />}
        {!rosters.data && rosters.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
        {rosters.data && list.length === 0 && (
          <Alert severity="info" title={t('oncall.noRosters.title', 'No roster is configured')}>
            {t(
              'oncall.noRosters.hint',
              'Rosters are set in the server configuration under oncall.rosters (members come from people); the server reads it at start and on reload.'
            )}
          </Alert>
        )}
        {roster && (
          <RosterView
            key={roster.name}
            roster={roster}
            rosters={list}
            people={people.data?.people ?? []}
            offset={offset}
            onRoster={(name) => set('roster', name)}
            onWeek={(w) => set('week', w === 0 ? undefined : String(w))}
          />
        )}
      </ErrorBoundaryAlert>
    </PluginPage>
  );
}

function RosterView({
  roster,
  rosters,
  people,
  offset,
  onRoster,
  onWeek,
}: {
  roster: Roster;
  rosters: Roster[];
  people: Person[];
  offset: number;
  onRoster: (name: string) => void;
  onWeek: (offset: number) => void;
}) {
  const s = useStyles2(getStyles);
  const canEdit = useCanEdit();
  const now = useNow();
  const [dialog, setDialog] = useState<Dialog>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>();
  const tz = roster.timezone;
  const week = useMemo(() => weekOf(now, tz, offset), [now, tz, offset]);
  const from = new Date(week[0]!.start).toISOString();
  const to = new Date(week[6]!.end).toISOString();
  const active = dialog === undefined && !busy;
  const current = usePoll(() => onCallNow(roster.name), [roster.name], 60_000, active);
  const schedule = usePoll(() => getSchedule(roster.name, from, to), [roster.name, from, to], 60_000, active);
  const overrides = usePoll(() => listOverrides(roster.name, from, to), [roster.name, from, to], 60_000, active);
  const handovers = usePoll(() => listHandovers(roster.name), [roster.name], 60_000, active);
  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  const days = useMemo(
    () => new Map<string, CalendarDay>((schedule.data?.days ?? []).map((d) => [d.date, d])),
    [schedule.data]
  );
  const reloadAll = () => Promise.all([current.reload(), schedule.reload(), overrides.reload(), handovers.reload()]);
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await fn();
      await reloadAll();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  };
  const saved = () => {
    setDialog(undefined);
    void reloadAll();
  };

  return (
    <div data-testid="oncall-page">
      <div className={s.controls}>
        {rosters.length > 1 && (
          <Field label={t('oncall.roster', 'Roster')}>
            <Select
              aria-label={t('oncall.roster', 'Roster')}
              width={24}
              options={rosters.map((r) => ({ value: r.name, label: r.name }))}
              value={roster.name}
              onChange={(v) => onRoster(v.value!)}
            />
          </Field>
        )}
        <div className={s.facts}>
          {t('oncall.facts', 'Calendar {{calendar}}, time zone {{zone}}', { calendar: roster.calendar, zone: tz })}
        </div>
        <LinkButton variant="secondary" fill="outline" icon="calendar-alt" href={calendarFeedHref(roster.name)}>
          {t('oncall.ics', 'iCalendar feed')}
        </LinkButton>
        {canEdit && (
          <Stack gap={1}>
            <Button icon="user" onClick={() => setDialog('override')}>
              {t('oncall.overrides.new', 'New override')}
            </Button>
            <Button variant="secondary" icon="exchange-alt" onClick={() => setDialog('swap')}>
              {t('oncall.swap.title', 'Swap shifts')}
            </Button>
            <Button variant="secondary" icon="arrow-right" onClick={() => setDialog('handover')}>
              {t('oncall.handover.new', 'Hand over')}
            </Button>
          </Stack>
        )}
      </div>
      {actionError !== undefined && <ErrorMessage error={actionError} subject="record" />}

      <h3>{t('oncall.now', 'On call now')}</h3>
      {current.error !== undefined && <ErrorMessage error={current.error} onRetry={current.reload} />}
      {current.data && <OnCallNow shifts={current.data.shifts} timeZone={tz} />}

      <div className={s.weekHead}>
        <h3>
          {offset === 0
            ? t('oncall.thisWeek', 'This week')
            : t('oncall.weekOf', 'Week of {{date}}', { date: week[0]!.date })}
        </h3>
        <Stack gap={1}>
          <Button size="sm" variant="secondary" icon="angle-left" onClick={() => onWeek(offset - 1)}>
            {t('oncall.previousWeek', 'Previous week')}
          </Button>
          <Button size="sm" variant="secondary" disabled={offset === 0} onClick={() => onWeek(0)}>
            {t('oncall.thisWeek', 'This week')}
          </Button>
          <Button size="sm" variant="secondary" icon="angle-right" onClick={() => onWeek(offset + 1)}>
            {t('oncall.nextWeek', 'Next week')}
          </Button>
        </Stack>
      </div>
      {schedule.error !== undefined && <ErrorMessage error={schedule.error} onRetry={schedule.reload} />}
      {!schedule.data && schedule.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
      {schedule.data && <RosterWeek roster={roster} week={week} shifts={schedule.data.shifts} days={days} now={now} />}

      <h3>{t('oncall.overrides.title', 'Overrides')}</h3>
      {overrides.error !== undefined && <ErrorMessage error={overrides.error} onRetry={overrides.reload} />}
      {overrides.data && (
        <OverrideList
          overrides={overrides.data.overrides}
          people={byId}
          timeZone={tz}
          canEdit={canEdit}
          busy={busy}
          onDelete={(o) => act(() => deleteOverride(o.id))}
        />
      )}

      <h3>{t('oncall.handover.title', 'Handovers')}</h3>
      {handovers.error !== undefined && <ErrorMessage error={handovers.error} onRetry={handovers.reload} />}
      {handovers.data && (
        <HandoverList
          handovers={handovers.data.handovers}
          people={byId}
          timeZone={tz}
          canEdit={canEdit}
          busy={busy}
          me={config.bootData?.user?.login}
          onAcknowledge={(h) => act(() => acknowledgeHandover(h.id))}
        />
      )}

      {dialog === 'override' && (
        <OverrideForm
          roster={roster}
          people={people}
          defaultStart={Math.max(now, week[0]!.start)}
          onClose={() => setDialog(undefined)}
          onSaved={saved}
        />
      )}
      {dialog === 'swap' && (
        <SwapForm
          roster={roster}
          shifts={schedule.data?.shifts ?? []}
          onClose={() => setDialog(undefined)}
          onSaved={saved}
        />
      )}
      {dialog === 'handover' && (
        <HandoverForm roster={roster} people={people} onClose={() => setDialog(undefined)} onSaved={saved} />
      )}
    </div>
  );
}

export default OnCall;

const getStyles = (theme: GrafanaTheme2) => ({
  controls: css({
    display: 'flex',
    gap: theme.spacing(2),
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    marginBottom: theme.spacing(2),
  }),
  facts: css({ color: theme.colors.text.secondary, paddingBottom: theme.spacing(1) }),
  weekHead: css({ display: 'flex', gap: theme.spacing(2), alignItems: 'baseline', flexWrap: 'wrap' }),
});
