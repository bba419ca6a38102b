import React, { Suspense, lazy } from 'react';
import { AppPlugin } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import type { AppConfigProps } from './components/AppConfig';
import type { AppSettings } from './constants';
import { loadTranslations } from './i18n';

// Pages load on demand; translations load before the first one renders.
const App = lazy(() => loadTranslations().then(() => import('./components/App')));
const LazyAppConfig = lazy(() => loadTranslations().then(() => import('./components/AppConfig')));

const AppConfig = (props: AppConfigProps) => (
  <Suspense fallback={<LoadingPlaceholder text="" />}>
    <LazyAppConfig {...props} />
  </Suspense>
);

export const plugin = new AppPlugin<AppSettings>().setRootPage(App).addConfigPage({
  title: 'Configuration',
  icon: 'cog',
  body: AppConfig,
  id: 'configuration',
});
