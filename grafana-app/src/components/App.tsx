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
          <Route path="*" element={<Navigate to={ROUTES.Overview} replace />} />
        </Routes>
      </Suspense>
    </SettingsContext.Provider>
  );
}

export default App;
