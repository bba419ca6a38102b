import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import type { RecordTimelineEntry } from '../api/patchTypes';
import { formatTime } from './format';
import { timelineDetail, timelineKindLabel } from './patchFormat';

/** The timeline of a patch plan or a finding: when, who (the actor the server recorded), what. */
export function RecordTimeline({ entries }: { entries: RecordTimelineEntry[] }) {
  const s = useStyles2(getStyles);
  return (
    <ol className={s.list} data-testid="record-timeline">
      {entries.map((e, i) => (
        <li key={`${e.at}-${i}`} className={s.item} data-kind={e.kind}>
          <time className={s.time}>{formatTime(e.at)}</time>
          <span className={s.actor}>{e.actor}</span>
          <span className={s.kind}>{timelineKindLabel(e.kind)}</span>
          <span className={s.detail}>{timelineDetail(e.detail)}</span>
        </li>
      ))}
    </ol>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ listStyle: 'none', padding: 0, margin: 0 }),
  item: css({
    display: 'flex',
    gap: theme.spacing(1.5),
    padding: theme.spacing(0.5, 0),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  time: css({ color: theme.colors.text.secondary, minWidth: 170 }),
  actor: css({ fontWeight: theme.typography.fontWeightMedium, minWidth: 120 }),
  kind: css({ minWidth: 140 }),
  detail: css({ whiteSpace: 'pre-wrap', color: theme.colors.text.secondary }),
});
