// Issue 14 item 2: patch plans (补丁计划). One row per plan with its state and each gate's record
// as JSON text (test, approval, backup evidence, install, the latest verification attempt,
// rollback, the reason of a decline or failure); the schedule's instants as columns, so the
// metrics can count plans whose window passed without an install. hosts is the plan's host list,
// resolved from its group when the plan was created (a later change of the group does not move a
// plan that was tested and approved for other hosts). The timeline keeps every step with its actor.
export default `
CREATE TABLE patch_plans (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  state TEXT NOT NULL,
  host_group TEXT,
  hosts TEXT NOT NULL,
  packages TEXT NOT NULL DEFAULT '[]',
  advisories TEXT NOT NULL DEFAULT '[]',
  emergency TEXT,
  post_install_checks TEXT NOT NULL DEFAULT '[]',
  test TEXT,
  approval TEXT,
  window_start BIGINT,
  window_end BIGINT,
  maintenance_window TEXT,
  backup TEXT,
  install TEXT,
  installed_at BIGINT,
  verification TEXT,
  rollback_record TEXT,
  outcome TEXT,
  created_by TEXT NOT NULL,
  created_by_person TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX patch_plans_created ON patch_plans (created_at, id);
CREATE INDEX patch_plans_state ON patch_plans (state);

CREATE TABLE patch_plan_timeline (
  id SERIAL_PK,
  plan_id TEXT NOT NULL REFERENCES patch_plans (id),
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX patch_plan_timeline_plan ON patch_plan_timeline (plan_id, id);
`;
