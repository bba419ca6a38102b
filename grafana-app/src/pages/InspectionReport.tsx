import React, { useState } from 'react';
import { useParams } from 'react-router-dom';
import { config, PluginPage } from '@grafana/runtime';
import { css } from '@emotion/css';
import { LinkButton, LoadingPlaceholder, RadioButtonGroup, Stack, useStyles2 } from '@grafana/ui';
import { t } from '../i18n';
import { getReport, reportHref, type ReportFormat, type ReportLocale } from '../api/inspections';
import { ErrorMessage } from '../components/ErrorMessage';
import { runRoute } from '../components/InspectionLists';
import { InspectionReportView } from '../components/InspectionReportView';
import { usePoll } from '../components/usePoll';
import { GrafanaTheme2, locationUtil } from '@grafana/data';

const FORMATS: Array<[ReportFormat, string]> = [
  ['html', 'HTML'],
  ['pdf', 'PDF'],
  ['xlsx', 'Excel'],
];

/** The report (巡检报告) of a run to read, and its HTML, PDF and Excel files, in Chinese or English. */
function InspectionReportPage() {
  const { id = '' } = useParams<{ id: string }>();
  const [lang, setLang] = useState<ReportLocale>(() =>
    (config.bootData?.user?.language ?? '').toLowerCase().startsWith('en') ? 'en-US' : 'zh-Hans'
  );
  const s = useStyles2(getStyles);
  const report = usePoll(() => getReport(id, lang), [id, lang], 60_000);
  const r = report.data;
  return (
    <PluginPage pageNav={{ text: t('inspections.report.titleOf', 'Report {{number}}', { number: id }) }}>
      <LinkButton variant="secondary" fill="text" icon="arrow-left" href={locationUtil.assureBaseUrl(runRoute(id))}>
        {t('inspections.backToRun', 'Run {{number}}', { number: id })}
      </LinkButton>
      <div className={s.toolbar}>
        <Stack gap={1} alignItems="center" wrap="wrap">
          <RadioButtonGroup<ReportLocale>
            options={[
              { value: 'zh-Hans', label: '中文' },
              { value: 'en-US', label: 'English' },
            ]}
            value={lang}
            onChange={setLang}
          />
          <span data-testid="inspection-downloads">
            <Stack gap={1}>
              {FORMATS.map(([format, label]) => (
                <LinkButton
                  key={format}
                  variant="secondary"
                  icon="download-alt"
                  href={reportHref(id, format, lang)}
                  target="_blank"
                  data-format={format}
                >
                  {t('inspections.report.download', 'Download {{format}}', { format: label })}
                </LinkButton>
              ))}
            </Stack>
          </span>
        </Stack>
      </div>
      {report.error !== undefined && <ErrorMessage error={report.error} onRetry={report.reload} subject="record" />}
      {!r && report.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
      {r && <InspectionReportView report={r} />}
    </PluginPage>
  );
}

export default InspectionReportPage;

const getStyles = (theme: GrafanaTheme2) => ({
  toolbar: css({ marginBottom: theme.spacing(2) }),
});
