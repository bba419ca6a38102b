import React from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import type { PatchPlan } from '../api/patchTypes';
import { gateChecklist, gateLabel, missingLabel } from './patchFormat';

/** A plan's gates as the server computed them (`gates`): met, or what is missing to pass it. */
export function GateChecklist({ plan }: { plan: Pick<PatchPlan, 'gates'> }) {
  const s = useStyles2(getStyles);
  return (
    <ul className={s.list} data-testid="plan-gates">
      {gateChecklist(plan).map((g) => (
        <li key={g.state} className={s.item} data-gate={g.state} data-met={g.met ? 'true' : 'false'}>
          <Icon
            name={g.met ? 'check-circle' : 'circle'}
            className={cx(g.met ? s.met : s.open)}
            aria-label={g.met ? t('patches.gate.met', 'met') : t('patches.gate.missing', 'missing')}
          />
          <span>{gateLabel(g.state)}</span>
          {!g.met && g.missing.length > 0 && (
            <span className={s.missing}>— {g.missing.map(missingLabel).join('; ')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ listStyle: 'none', padding: 0, margin: theme.spacing(1, 0, 2) }),
  item: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center', padding: theme.spacing(0.5, 0) }),
  met: css({ color: theme.colors.success.text }),
  open: css({ color: theme.colors.text.disabled }),
  missing: css({ color: theme.colors.warning.text }),
});
