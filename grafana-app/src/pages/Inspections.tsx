import React, { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PluginPage } from '@grafana/runtime';
import { Button, ErrorBoundaryAlert, LoadingPlaceholder, Select, Stack, Tab, TabContent, TabsBar } from '@grafana/ui';
import { t } from '../i18n';
import { listRuns, listSchedules, listTemplates, RUN_STATES, type RunState } from '../api/inspections';
import { listPeople } from '../api/oncall';
import { ErrorMessage } from '../components/ErrorMessage';
import { runStateLabel } from '../components/InspectionBadges';
import { InspectionImportForm, InspectionStartForm } from '../components/InspectionForms';
import { InspectionRuns, InspectionSchedules, InspectionTemplates, runRoute } from '../components/InspectionLists';
import { Pager } from '../components/BackupRuns';
import { useCanEdit } from '../components/settings';
import { usePoll } from '../components/usePoll';

const TABS = ['runs', 'templates', 'schedules'] as const;
type TabName = (typeof TABS)[number];

/** Inspections (巡检): runs with their state, templates with their last result, schedules with their next times. */
function Inspections() {
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: TabName = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as TabName)
    : 'runs';
  const stateParam = params.get('state');
  const state = (RUN_STATES as readonly string[]).includes(stateParam ?? '') ? (stateParam as RunState) : undefined;
  const template = params.get('template') ?? undefined;
  const cursor = params.get('cursor') ?? undefined;
  const [cursors, setCursors] = useState<string[]>([]);
  const [form, setForm] = useState<{ kind: 'import' } | { kind: 'start'; template?: string }>();
  const active = form === undefined;
  const templates = usePoll(listTemplates, [], 60_000, active);
  const people = usePoll(() => (canEdit ? listPeople() : Promise.resolve(undefined)), [canEdit], 300_000);
  const runs = usePoll(
    () => (tab === 'runs' ? listRuns({ state, template, cursor }) : Promise.resolve(undefined)),
    [tab, state, template, cursor],
    30_000,
    active && tab === 'runs'
  );
  const schedules = usePoll(
    () => (tab === 'schedules' ? listSchedules() : Promise.resolve(undefined)),
    [tab],
    60_000,
    active && tab === 'schedules'
  );
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('cursor' in patch)) {
      next.delete('cursor');
      setCursors([]);
    }
    setParams(next);
  };
  const list = templates.data?.templates ?? [];
  const tabLabel: Record<TabName, string> = {
    runs: t('inspections.tab.runs', 'Runs'),
    templates: t('inspections.tab.templates', 'Templates'),
    schedules: t('inspections.tab.schedules', 'Schedules'),
  };

  return (
    <PluginPage>
      <ErrorBoundaryAlert>
        {templates.error !== undefined && <ErrorMessage error={templates.error} onRetry={templates.reload} />}
        {!templates.data && templates.loading && <LoadingPlaceholder text={t('common.loading', 'Loading…')} />}
        {templates.data && (
          <div data-testid="inspections-page">
            {canEdit && (
              <Stack gap={1}>
                <Button icon="play" onClick={() => setForm({ kind: 'start' })} disabled={list.length === 0}>
                  {t('inspections.start', 'Start a run')}
                </Button>
                <Button variant="secondary" icon="upload" onClick={() => setForm({ kind: 'import' })}>
                  {t('inspections.import.open', 'Import a template')}
                </Button>
              </Stack>
            )}
            <TabsBar>
              {TABS.map((name) => (
                <Tab
                  key={name}
                  label={tabLabel[name]}
                  active={tab === name}
                  onChangeTab={() => update({ tab: name === 'runs' ? undefined : name })}
                />
              ))}
            </TabsBar>
            <TabContent>
              {tab === 'runs' && (
                <>
                  <Stack gap={1}>
                    <Select
                      width={30}
                      aria-label={t('inspections.col.template', 'Template')}
                      placeholder={t('inspections.allTemplates', 'All templates')}
                      isClearable
                      options={list.map((x) => ({ value: x.key, label: x.title }))}
                      value={template ?? null}
                      onChange={(v) => update({ template: v?.value })}
                    />
                    <Select
                      width={24}
                      aria-label={t('inspections.col.state', 'State')}
                      placeholder={t('inspections.allStates', 'All states')}
                      isClearable
                      options={RUN_STATES.map((x) => ({ value: x, label: runStateLabel(x) }))}
                      value={state ?? null}
                      onChange={(v) => update({ state: v?.value })}
                    />
                  </Stack>
                  {runs.error !== undefined && <ErrorMessage error={runs.error} onRetry={runs.reload} />}
                  {runs.data && <InspectionRuns runs={runs.data.runs} />}
                  <Pager
                    hasPrevious={cursor !== undefined}
                    hasNext={!!runs.data?.nextCursor}
                    onPrevious={() => {
                      update({ cursor: cursors[cursors.length - 1] || undefined });
                      setCursors(cursors.slice(0, -1));
                    }}
                    onNext={() => {
                      setCursors([...cursors, cursor ?? '']);
                      update({ cursor: runs.data?.nextCursor ?? undefined });
                    }}
                  />
                </>
              )}
              {tab === 'templates' && (
                <InspectionTemplates
                  templates={list}
                  canEdit={canEdit}
                  onStart={(key) => setForm({ kind: 'start', template: key })}
                />
              )}
              {tab === 'schedules' && (
                <>
                  {schedules.error !== undefined && <ErrorMessage error={schedules.error} onRetry={schedules.reload} />}
                  {schedules.data && <InspectionSchedules schedules={schedules.data.schedules} />}
                </>
              )}
            </TabContent>
          </div>
        )}
        {form?.kind === 'import' && (
          <InspectionImportForm
            onClose={() => setForm(undefined)}
            onSaved={() => {
              setForm(undefined);
              update({ tab: 'templates' });
              void templates.reload();
            }}
          />
        )}
        {form?.kind === 'start' && (
          <InspectionStartForm
            templates={list}
            template={form.template}
            people={people.data?.people ?? []}
            onClose={() => setForm(undefined)}
            onStarted={(run) => {
              setForm(undefined);
              navigate(runRoute(run.number));
            }}
          />
        )}
      </ErrorBoundaryAlert>
    </PluginPage>
  );
}

export default Inspections;
