import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';

/** The plain record tables of the on-call and notification pages, as the incidents table looks. */
export const getTableStyles = (theme: GrafanaTheme2) => ({
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
  muted: css({ color: theme.colors.text.secondary }),
  error: css({ color: theme.colors.error.text }),
  code: css({ fontFamily: theme.typography.fontFamilyMonospace }),
});
