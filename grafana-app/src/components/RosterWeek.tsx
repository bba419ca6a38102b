import React from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Badge, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import type { CalendarDay, Roster, Shift } from '../api/types';
import { clipToDay, type LocalDay } from '../utils/week';
import { dayHeading, dayKindLabel, personName, sourceLabel, timeInZone } from './oncallFormat';

/**
 * A roster's week as a grid: one row per layer, one column per local date of the roster's zone,
 * each cell the shifts that fall on that date; the column heading says whether the service
 * calendar counts the date as a workday, a rest day or a holiday, and marks make-up workdays (调休).
 */
export function RosterWeek({
  roster,
  week,
  shifts,
  days,
  now,
}: {
  roster: Roster;
  week: LocalDay[];
  shifts: Shift[];
  days: Map<string, CalendarDay>;
  now: number;
}) {
  const s = useStyles2(getStyles);
  const tz = roster.timezone;
  return (
    <table className={s.grid} data-testid="oncall-calendar">
      <thead>
        <tr>
          <th className={s.layerHead}>{t('oncall.col.layer', 'Layer')}</th>
          {week.map((d) => {
            const info = days.get(d.date);
            const h = dayHeading(d.start, tz);
            const today = now >= d.start && now < d.end;
            return (
              <th
                key={d.date}
                data-date={d.date}
                data-kind={info?.kind}
                className={cx(
                  s.dayHead,
                  today && s.today,
                  info && info.kind !== 'workday' && s.offDay,
                  info?.makeup && s.makeup
                )}
              >
                <div>
                  {h.weekday} {h.date}
                </div>
                {info && (
                  <Badge
                    text={dayKindLabel(info)}
                    color={
                      info.kind === 'holiday'
                        ? 'red'
                        : info.makeup
                          ? 'orange'
                          : info.kind === 'workday'
                            ? 'blue'
                            : 'purple'
                    }
                  />
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {roster.layers.map((layer) => {
          const mine = shifts.filter((x) => x.layer === layer.name);
          return (
            <tr key={layer.name} data-layer={layer.name}>
              <th scope="row" className={s.layerHead}>
                {layer.name}
              </th>
              {week.map((d) => (
                <td key={d.date} className={cx(s.cell, now >= d.start && now < d.end && s.today)}>
                  {clipToDay(mine, d).map((p) => {
                    const whole = p.from === d.start && p.to === d.end;
                    const current = now >= p.from && now < p.to;
                    return (
                      <div
                        key={`${p.start}-${p.from}`}
                        className={cx(
                          s.shift,
                          !p.person && s.gap,
                          p.source !== 'rotation' && s.changed,
                          current && s.current
                        )}
                        title={`${timeInZone(p.start, tz)} – ${timeInZone(p.end, tz)}`}
                      >
                        <span className={s.who}>{personName(p.person)}</span>
                        {!whole && (
                          <span className={s.when}>
                            {timeInZone(p.from, tz)}–{p.to === d.end ? '24:00' : timeInZone(p.to, tz)}
                          </span>
                        )}
                        {p.source !== 'rotation' && <span className={s.when}>{sourceLabel(p.source)}</span>}
                      </div>
                    );
                  })}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  grid: css({
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    marginBottom: theme.spacing(2),
    'th, td': { border: `1px solid ${theme.colors.border.weak}`, padding: theme.spacing(0.5), verticalAlign: 'top' },
  }),
  layerHead: css({ width: 120, textAlign: 'left', color: theme.colors.text.secondary }),
  dayHead: css({ textAlign: 'left', fontWeight: theme.typography.fontWeightMedium, div: { marginBottom: 2 } }),
  offDay: css({ background: theme.colors.background.secondary }),
  makeup: css({ boxShadow: `inset 0 3px 0 ${theme.colors.warning.main}` }),
  today: css({ outline: `2px solid ${theme.colors.primary.border}`, outlineOffset: -2 }),
  cell: css({ minHeight: 48 }),
  shift: css({
    display: 'flex',
    flexDirection: 'column',
    padding: theme.spacing(0.25, 0.5),
    marginBottom: 2,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
    borderLeft: `3px solid ${theme.colors.primary.main}`,
  }),
  changed: css({ borderLeftColor: theme.colors.warning.main }),
  gap: css({ borderLeftColor: theme.colors.error.main, color: theme.colors.text.secondary, fontStyle: 'italic' }),
  current: css({ background: theme.colors.primary.transparent }),
  who: css({ fontWeight: theme.typography.fontWeightMedium }),
  when: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
});
