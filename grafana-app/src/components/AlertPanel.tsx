import React, { useMemo } from 'react';
import {
  EmbeddedScene,
  PanelBuilders,
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneTimeRange,
  loadResources,
} from '@grafana/scenes';

export const loadSceneResources = loadResources as (language: string) => Promise<Record<string, unknown>>;

/** Plots an alert's expression over the incident's time range from the configured Prometheus. */
function AlertPanel({
  datasourceUid,
  expr,
  from,
  to,
}: {
  datasourceUid: string;
  expr: string;
  from: string;
  to: string | null;
}) {
  const scene = useMemo(() => {
    const start = new Date(Date.parse(from) - 15 * 60_000).toISOString();
    const end = to ? new Date(Date.parse(to) + 15 * 60_000).toISOString() : 'now';
    const queryRunner = new SceneQueryRunner({
      datasource: { type: 'prometheus', uid: datasourceUid },
      queries: [{ refId: 'A', expr, range: true }],
    });
    return new EmbeddedScene({
      $timeRange: new SceneTimeRange({ from: start, to: end }),
      $data: queryRunner,
      body: new SceneFlexLayout({
        children: [new SceneFlexItem({ height: 240, body: PanelBuilders.timeseries().setTitle(expr).build() })],
      }),
    });
  }, [datasourceUid, expr, from, to]);
  return <scene.Component model={scene} />;
}

export default AlertPanel;
