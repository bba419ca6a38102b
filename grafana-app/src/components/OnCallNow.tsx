import React from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Badge, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import type { Shift } from '../api/types';
import { dateTimeInZone, personName, sourceLabel } from './oncallFormat';

/** Who covers each layer now, until when, and how (rotation, override, swap); an uncovered layer stands out. */
export function OnCallNow({ shifts, timeZone }: { shifts: Shift[]; timeZone: string }) {
  const s = useStyles2(getStyles);
  return (
    <div className={s.tiles} data-testid="oncall-now">
      {shifts.map((x) => (
        <div key={`${x.roster}-${x.layer}`} className={cx(s.tile, !x.person && s.uncovered)} data-layer={x.layer}>
          <div className={s.layer}>{x.layer}</div>
          <div className={s.person}>{personName(x.person)}</div>
          {x.person ? (
            <div className={s.muted}>
              {t('oncall.until', 'until {{at}}', { at: dateTimeInZone(x.end, timeZone) })}{' '}
              {x.source !== 'rotation' && <Badge text={sourceLabel(x.source)} color="orange" />}
            </div>
          ) : (
            <div className={s.muted}>
              {t(
                'oncall.uncovered',
                'Nobody covers this layer now (e.g. a workdays-only layer on a rest day or a holiday).'
              )}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  tiles: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: theme.spacing(1.5),
    marginBottom: theme.spacing(2),
  }),
  tile: css({
    padding: theme.spacing(1.5),
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
  }),
  uncovered: css({ borderColor: theme.colors.error.border }),
  layer: css({
    color: theme.colors.text.secondary,
    textTransform: 'uppercase',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  person: css({ fontSize: theme.typography.h3.fontSize, fontWeight: theme.typography.fontWeightBold }),
  muted: css({ color: theme.colors.text.secondary }),
});
