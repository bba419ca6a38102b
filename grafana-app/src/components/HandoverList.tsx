import React from 'react';
import { Link } from 'react-router-dom';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Badge, Button, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import type { Handover, Person } from '../api/types';
import { ROUTES } from '../constants';
import { prefixRoute } from '../utils/routing';
import { SeverityBadge, StatusBadge } from './Badges';
import { dateTimeInZone, personName } from './oncallFormat';

/**
 * Handovers, newest first: who handed which layer to whom, the notes, the incidents open at the
 * time; an Editor acknowledges one (the server accepts it from the person taking over only).
 */
export function HandoverList({
  handovers,
  people,
  timeZone,
  canEdit,
  busy,
  me,
  onAcknowledge,
}: {
  handovers: Handover[];
  people: Map<string, Person>;
  timeZone: string;
  canEdit: boolean;
  busy: boolean;
  /** the signed-in Grafana login, to point out the handovers waiting for them */
  me?: string;
  onAcknowledge: (h: Handover) => void;
}) {
  const s = useStyles2(getStyles);
  if (handovers.length === 0) return <p className={s.muted}>{t('oncall.handover.none', 'No handovers yet.')}</p>;
  return (
    <ul className={s.list} data-testid="oncall-handovers">
      {handovers.map((h) => (
        <li key={h.id} className={s.item} data-handover={h.id}>
          <div className={s.head}>
            <strong>{h.layer}</strong>
            <span>
              {t('oncall.handover.fromTo', '{{from}} → {{to}}', {
                from: personName(h.from, people),
                to: personName(h.to, people),
              })}
            </span>
            <span className={s.muted}>{dateTimeInZone(h.at, timeZone)}</span>
            {h.acknowledgedAt ? (
              <Badge
                color="green"
                text={t('oncall.handover.acknowledged', 'acknowledged by {{who}}, {{at}}', {
                  who: acknowledger(h, people),
                  at: dateTimeInZone(h.acknowledgedAt, timeZone),
                })}
              />
            ) : (
              <>
                <Badge color="orange" text={t('oncall.handover.waiting', 'not yet acknowledged')} />
                {canEdit && (
                  <Button
                    size="sm"
                    disabled={busy}
                    variant={me === h.to ? 'primary' : 'secondary'}
                    onClick={() => onAcknowledge(h)}
                  >
                    {t('oncall.handover.acknowledge', 'Acknowledge handover')}
                  </Button>
                )}
              </>
            )}
          </div>
          {h.notes && <p className={s.notes}>{h.notes}</p>}
          {h.openIncidents.length > 0 ? (
            <div>
              <div className={s.muted}>
                {t('oncall.handover.openIncidents', 'Open incidents at handover: {{count}}', {
                  count: h.openIncidents.length,
                })}
              </div>
              <ul className={s.incidents}>
                {h.openIncidents.map((i) => (
                  <li key={i.id}>
                    <SeverityBadge severity={i.severity} />{' '}
                    <Link to={prefixRoute(`${ROUTES.Incidents}/${i.number}`)}>{i.number}</Link> {i.title}{' '}
                    <StatusBadge status={i.status} />
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <div className={s.muted}>{t('oncall.handover.noIncidents', 'No incident was open.')}</div>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The person who acknowledged, by name: acknowledgedBy is the actor ("li.si via grafana-editor"),
 * the timeline's entry names the person of the directory it resolved to (none for an admin token).
 */
function acknowledger(h: Handover, people: Map<string, Person>): string {
  const entry = h.timeline.find((e) => e.kind === 'handover.acknowledged');
  const person = typeof entry?.data.person === 'string' ? entry.data.person : undefined;
  return person ? personName(person, people) : (h.acknowledgedBy ?? '—');
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ listStyle: 'none', padding: 0 }),
  item: css({ padding: theme.spacing(1, 0), borderBottom: `1px solid ${theme.colors.border.weak}` }),
  head: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center', flexWrap: 'wrap' }),
  notes: css({ whiteSpace: 'pre-wrap', margin: theme.spacing(0.5, 0) }),
  incidents: css({ listStyle: 'none', paddingLeft: theme.spacing(2), a: { color: theme.colors.text.link } }),
  muted: css({ color: theme.colors.text.secondary }),
});
