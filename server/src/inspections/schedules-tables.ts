import type { ScheduleDays } from './schedule';

/** The tables of migration 012 (composed into db/tables.ts Tables). */
export interface InspectionScheduleTables {
  inspection_schedules: InspectionSchedulesTable;
  inspection_schedule_state: InspectionScheduleStateTable;
}

export interface InspectionSchedulesTable {
  id: string;
  name: string;
  template_id: string;
  /** a calendar of sla.calendars, by name */
  calendar: string;
  /** JSON array of local times 'HH:MM' in the calendar's zone */
  times: string;
  days: ScheduleDays;
  inspector: string | null;
  reviewer: string | null;
  /** 0/1 */
  enabled: number;
  created_at: number;
  created_by: string;
  updated_at: number;
}

export interface InspectionScheduleStateTable {
  schedule_id: string;
  /** the newest due time the scheduler handled (started or recorded as missed) */
  last_due_at: number | null;
  /** the newest due time whose run exists */
  last_run_at: number | null;
  /** the newest due time skipped because the scheduler was more than a day behind */
  missed_at: number | null;
  missed_count: number;
  updated_at: number;
}
