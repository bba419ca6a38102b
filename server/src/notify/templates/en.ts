import type { EventKind } from '../types';

/*
 * The built-in English messages, one Handlebars template per event kind. A channel's
 * `templates:` folder replaces any of them with `<kind>.en.hbs`; the fields each sees are
 * described in view.ts, the helpers ({{#title}}, {{#section}}, {{button}}, {{links}}) in
 * templates.ts. Wording: the app's en-US words (Acknowledged, Resolved, Runbook).
 */

const incidentFacts = `{{level.mark}} **Level:** {{level.text}}
**Incident:** {{incident.number}} {{incident.title}}
{{#if incident.service}}
**Service:** {{incident.service}}
{{/if}}
{{#if incident.statusText}}
**Status:** {{incident.statusText}}
{{/if}}
{{#if value}}
**Value:** {{value}}
{{/if}}
{{#if duration}}
**Lasting:** {{duration}}{{#if incident.occurredAt}} (since {{incident.occurredAt}}){{/if}}
{{/if}}`;

const incidentAlerts = `{{#if alerts.length}}
{{#section}}
**Alerts** ({{alertCount}}):
{{#each alerts}}
- {{mark}} {{alertname}}{{#if summary}}: {{summary}}{{/if}}{{#if value}} (value {{value}}){{/if}}
{{/each}}
{{/section}}
{{/if}}`;

const incidentButtons = `{{button "Open incident" links.incident}}
{{button "Silence 1 h" links.silence}}
{{button "Graph" links.graph}}
{{button "Runbook" links.runbook}}`;

const note = `{{#if note}}
**Note:** {{note}}
{{/if}}`;

export const EN: Record<EventKind, string> = {
  'incident.opened': `{{#title}}[{{level.text}}] New incident {{incident.number}}: {{incident.title}}{{/title}}
{{#section}}
${incidentFacts}
{{#if incident.symptom}}
**Symptom:** {{incident.symptom}}
{{/if}}
{{/section}}
${incidentAlerts}
${incidentButtons}
`,
  'incident.acknowledged': `{{#title}}[{{level.text}}] Incident acknowledged {{incident.number}}: {{incident.title}}{{/title}}
{{#section}}
${incidentFacts}
{{#if actor}}
**Acknowledged by:** {{actor}}
{{/if}}
${note}
{{/section}}
${incidentAlerts}
${incidentButtons}
`,
  'incident.escalated': `{{#title}}[{{level.text}}] Incident escalated {{incident.number}}: {{incident.title}}{{/title}}
{{#section}}
**Nobody acknowledged: escalated{{#if escalation.step}} to step {{escalation.step}}{{#if escalation.steps}} of {{escalation.steps}}{{/if}}{{/if}}{{#if escalation.repeat}} (round {{escalation.repeat}}){{/if}}**
${incidentFacts}
{{#if escalation.notified}}
**Paging on call:** {{escalation.notified}}
{{/if}}
{{#if escalation.uncovered}}
**Nobody on call for:** {{escalation.uncovered}}
{{/if}}
{{/section}}
${incidentAlerts}
${incidentButtons}
`,
  'incident.resolved': `{{#title}}[{{level.text}}] Incident resolved {{incident.number}}: {{incident.title}}{{/title}}
{{#section}}
{{level.mark}} **Level:** {{level.text}}
**Incident:** {{incident.number}} {{incident.title}}
{{#if incident.service}}
**Service:** {{incident.service}}
{{/if}}
{{#if value}}
**Value while firing:** {{value}}
{{/if}}
{{#if recoveryValue}}
**Recovery value:** {{recoveryValue}}
{{/if}}
{{#if duration}}
**Lasting:** {{duration}}{{#if incident.occurredAt}} (since {{incident.occurredAt}}){{/if}}
{{/if}}
{{#if incident.resolvedAt}}
**Resolved at:** {{incident.resolvedAt}}
{{/if}}
{{#if actor}}
**Resolved by:** {{actor}}
{{/if}}
${note}
{{/section}}
${incidentAlerts}
{{button "Open incident" links.incident}}
{{button "Graph" links.graph}}
`,
  'incident.reopened': `{{#title}}[{{level.text}}] Incident reopened {{incident.number}}: {{incident.title}}{{/title}}
{{#section}}
${incidentFacts}
{{#if actor}}
**Reopened by:** {{actor}}
{{/if}}
${note}
{{/section}}
${incidentAlerts}
${incidentButtons}
`,
  'sla.at_risk': `{{#title}}[{{level.text}}] {{sla.goalText}} SLA at risk {{incident.number}}: {{incident.title}}{{/title}}
{{#section}}
${incidentFacts}
{{#if sla.dueAt}}
**{{sla.goalText}} due:** {{sla.dueAt}}
{{/if}}
{{#if sla.remaining}}
**Left:** {{sla.remaining}}
{{/if}}
{{/section}}
${incidentButtons}
`,
  'sla.breached': `{{#title}}[{{level.text}}] {{sla.goalText}} SLA breached {{incident.number}}: {{incident.title}}{{/title}}
{{#section}}
${incidentFacts}
{{#if sla.dueAt}}
**{{sla.goalText}} due:** {{sla.dueAt}}
{{/if}}
{{#if sla.overdue}}
**Overdue by:** {{sla.overdue}}
{{/if}}
{{/section}}
${incidentButtons}
`,
  'alert.group': `{{#title}}[{{level.text}}] {{#if (eq phase "resolved")}}Resolved{{else}}Firing{{/if}}: {{#if group.summary}}{{group.summary}}{{else}}{{group.name}}{{/if}} ({{group.count}}){{/title}}
{{#if (gt group.count 1)}}
{{#if group.commonLabels.length}}
{{#section}}
**Common labels:** {{#each group.commonLabels}}{{name}}={{value}}{{#unless @last}}, {{/unless}}{{/each}}
{{/section}}
{{/if}}
{{/if}}
{{#each alerts}}
{{#section}}
{{mark}} **{{alertname}}** · {{statusText}}
{{#if summary}}
{{summary}}
{{/if}}
{{#if (eq status "resolved")}}
{{#if value}}
**Value while firing:** {{value}}
{{/if}}
{{#if recoveryValue}}
**Recovery value:** {{recoveryValue}}
{{/if}}
{{#if endsAt}}
**Resolved at:** {{endsAt}}
{{/if}}
{{else}}
{{#if value}}
**Value:** {{value}}
{{/if}}
{{/if}}
{{#if duration}}
**Lasting:** {{duration}} (since {{startsAt}})
{{/if}}
{{#if description}}
{{description}}
{{/if}}
{{#if ownLabels.length}}
**Labels:** {{#each ownLabels}}{{name}}={{value}}{{#unless @last}}, {{/unless}}{{/each}}
{{/if}}
{{links "Graph" links.graph "Runbook" links.runbook}}
{{/section}}
{{/each}}
{{#if group.more}}
{{#section}}
{{group.more}} more alerts are not listed: see them in Alertmanager.
{{/section}}
{{/if}}
{{button "Silence 1 h" links.silence}}
{{button "Graph" links.graph}}
{{button "Runbook" links.runbook}}
`,
  'inspection.report_ready': `{{#title}}Inspection report ready: {{item.title}}{{/title}}
{{#section}}
{{level.mark}} **Inspection report:** {{item.title}}
{{#if item.period}}
**Period:** {{item.period}}
{{/if}}
{{#if item.findings}}
**Findings:** {{item.findings}}
{{/if}}
{{#if value}}
**Value:** {{value}}
{{/if}}
{{#if summary}}
{{summary}}
{{/if}}
{{/section}}
{{button "Open report" links.item}}
`,
  'backup.failed': `{{#title}}[{{level.text}}] Backup failed: {{item.job}}{{/title}}
{{#section}}
{{level.mark}} **Level:** {{level.text}}
**Backup job:** {{item.job}}
{{#if item.target}}
**Target:** {{item.target}}
{{/if}}
{{#if item.error}}
**Error:** {{item.error}}
{{/if}}
{{#if value}}
**Value:** {{value}}
{{/if}}
{{#if item.lastSuccessAt}}
**Last success:** {{item.lastSuccessAt}}
{{/if}}
{{/section}}
{{button "Open backup" links.item}}
`,
  'vulnerability.overdue': `{{#title}}[{{level.text}}] Vulnerability fix overdue: {{item.id}} {{item.title}}{{/title}}
{{#section}}
{{level.mark}} **Level:** {{level.text}}
**Vulnerability:** {{item.id}} {{item.title}}
{{#if item.host}}
**Host:** {{item.host}}
{{/if}}
{{#if item.dueAt}}
**Fix due:** {{item.dueAt}}
{{/if}}
{{#if overdue}}
**Overdue by:** {{overdue}}
{{/if}}
{{/section}}
{{button "Open vulnerability" links.item}}
`,
  'survey.low_score': `{{#title}}Low satisfaction score: {{item.score}}{{#if item.maxScore}}/{{item.maxScore}}{{/if}}{{#if item.customer}} ({{item.customer}}){{/if}}{{/title}}
{{#section}}
{{level.mark}} **Satisfaction score:** {{item.score}}{{#if item.maxScore}}/{{item.maxScore}}{{/if}}
{{#if item.customer}}
**Customer:** {{item.customer}}
{{/if}}
{{#if incident.number}}
**Incident:** {{incident.number}}
{{/if}}
{{#if item.comment}}
**Comment:** {{item.comment}}
{{/if}}
{{/section}}
{{button "Open incident" links.incident}}
{{button "Open survey" links.item}}
`,
  test: `{{#title}}OpsDesk test message: {{channel}}{{/title}}
{{#section}}
{{level.mark}} This is a test message from OpsDesk. Receiving it means the channel **{{channel}}** is set up correctly.
{{#if actor}}
**Sent by:** {{actor}}
{{/if}}
**Sent at:** {{at}}
{{/section}}
`,
};
