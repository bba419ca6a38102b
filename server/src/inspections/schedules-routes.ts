import type { AppContext } from '../context';
import { defineRoute } from '../http/routes';
import { attachInspectionMetrics } from './metrics';
import {
  createSchedule,
  deleteSchedule,
  listSchedules,
  nextQuery,
  nextResponse,
  nextRuns,
  scheduleBody,
  scheduleParams,
  scheduleSchema,
  schedulesResponse,
  updateSchedule,
} from './schedules-service';

export function inspectionScheduleRoutes(ctx: AppContext) {
  attachInspectionMetrics(ctx);
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/inspections/schedules',
      summary:
        'Inspection schedules (巡检计划): a template run at local times on the days of a service or trading calendar, with how far the scheduler got',
      tag: 'inspections',
      role: 'viewer',
      response: schedulesResponse,
      handler: () => listSchedules(ctx),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/inspections/schedules',
      summary:
        'Creates an inspection schedule: `days` working (the calendar’s working days: a make-up workday 调休上班 counts on a service calendar, not on a trading one), every, first_working_of_month or last_working_of_month; `times` HH:MM in the calendar’s zone. Due times count from its creation',
      tag: 'inspections',
      role: 'editor',
      status: 201,
      body: scheduleBody,
      response: scheduleSchema,
      errors: [409, 422],
      handler: ({ body, caller }) => createSchedule(ctx, body, caller),
    }),
    defineRoute({
      method: 'put',
      path: '/api/v1/inspections/schedules/:id',
      summary:
        'Replaces an inspection schedule’s settings; switched on again or moved to other times, it does not catch up the due times that passed meanwhile',
      tag: 'inspections',
      role: 'editor',
      params: scheduleParams,
      body: scheduleBody,
      response: scheduleSchema,
      errors: [404, 409, 422],
      handler: ({ params, body }) => updateSchedule(ctx, params.id, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/v1/inspections/schedules/:id',
      summary: 'Deletes an inspection schedule; the runs it started stay',
      tag: 'inspections',
      role: 'editor',
      params: scheduleParams,
      response: scheduleSchema,
      errors: [404],
      handler: ({ params }) => deleteSchedule(ctx, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/inspections/schedules/:id/next',
      summary: 'The next due times of an inspection schedule on its calendar (UTC instants)',
      tag: 'inspections',
      role: 'viewer',
      params: scheduleParams,
      query: nextQuery,
      response: nextResponse,
      errors: [404, 422],
      handler: ({ params, query }) => nextRuns(ctx, params.id, query.count),
    }),
  ];
}
