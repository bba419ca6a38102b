import React, { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import { AppSettings, ROUTES } from '../constants';
import { SettingsContext } from './settings';

const Overview = lazy(() => import('../pages/Overview'));
const Incidents = lazy(() => import('../pages/Incidents'));
const IncidentPage = lazy(() => import('../pages/Incident'));
const Sla = lazy(() => import('../pages/Sla'));
const OnCall = lazy(() => import('../pages/OnCall'));
const Notifications = lazy(() => import('../pages/Notifications'));
const Patches = lazy(() => import('../pages/Patches'));
const PatchHost = lazy(() => import('../pages/PatchHost'));
const PatchPlan = lazy(() => import('../pages/PatchPlan'));
const Vulnerabilities = lazy(() => import('../pages/Vulnerabilities'));
const Finding = lazy(() => import('../pages/Finding'));
const Backups = lazy(() => import('../pages/Backups'));
const Inspections = lazy(() => import('../pages/Inspections'));
const InspectionRun = lazy(() => import('../pages/InspectionRun'));
const InspectionReport = lazy(() => import('../pages/InspectionReport'));

function App(props: AppRootProps<AppSettings>) {
  return (
    <SettingsContext.Provider value={props.meta.jsonData ?? {}}>
      <Suspense fallback={<LoadingPlaceholder text="" />}>
        <Routes>
          <Route path={ROUTES.Overview} element={<Overview />} />
          <Route path={ROUTES.Incidents} element={<Incidents />} />
          <Route path={`${ROUTES.Incidents}/:id`} element={<IncidentPage />} />
          <Route path={ROUTES.Sla} element={<Sla />} />
          <Route path={ROUTES.OnCall} element={<OnCall />} />
          <Route path={ROUTES.Notifications} element={<Notifications />} />
          <Route path={ROUTES.Patches} element={<Patches />} />
          <Route path={`${ROUTES.Patches}/hosts/:host`} element={<PatchHost />} />
          <Route path={`${ROUTES.Patches}/plans/:id`} element={<PatchPlan />} />
          <Route path={ROUTES.Vulnerabilities} element={<Vulnerabilities />} />
          <Route path={`${ROUTES.Vulnerabilities}/findings/:id`} element={<Finding />} />
          <Route path={ROUTES.Backups} element={<Backups />} />
          <Route path={ROUTES.Inspections} element={<Inspections />} />
          <Route path={`${ROUTES.Inspections}/runs/:id`} element={<InspectionRun />} />
          <Route path={`${ROUTES.Inspections}/runs/:id/report`} element={<InspectionReport />} />
          <Route path="*" element={<Navigate to={ROUTES.Overview} replace />} />
        </Routes>
      </Suspense>
    </SettingsContext.Provider>
  );
}

export default App;
