import type { EventKind } from '../types';

/*
 * The built-in Chinese messages, one Handlebars template per event kind. A channel's
 * `templates:` folder replaces any of them with `<kind>.zh-Hans.hbs`; the fields each sees are
 * described in view.ts, the helpers ({{#title}}, {{#section}}, {{button}}, {{links}}) in
 * templates.ts. Wording: the service offer's terms (事件, 告警, 恢复, 响应, 值班, 巡检, 备份,
 * 漏洞修复, 客户满意度) and the app's (已响应, 已修复, 处置手册).
 */

const incidentFacts = `{{level.mark}} **级别**：{{level.text}}
**事件**：{{incident.number}} {{incident.title}}
{{#if incident.service}}
**服务**：{{incident.service}}
{{/if}}
{{#if incident.statusText}}
**状态**：{{incident.statusText}}
{{/if}}
{{#if value}}
**当前值**：{{value}}
{{/if}}
{{#if duration}}
**持续时间**：{{duration}}{{#if incident.occurredAt}}（{{incident.occurredAt}} 起）{{/if}}
{{/if}}`;

const incidentAlerts = `{{#if alerts.length}}
{{#section}}
**告警**（{{alertCount}} 条）：
{{#each alerts}}
- {{mark}} {{alertname}}{{#if summary}}：{{summary}}{{/if}}{{#if value}}（当前值 {{value}}）{{/if}}
{{/each}}
{{/section}}
{{/if}}`;

const incidentButtons = `{{button "查看事件" links.incident}}
{{button "静默 1 小时" links.silence}}
{{button "查看图表" links.graph}}
{{button "处置手册" links.runbook}}`;

const note = `{{#if note}}
**备注**：{{note}}
{{/if}}`;

export const ZH_HANS: Record<EventKind, string> = {
  'incident.opened': `{{#title}}[{{level.text}}] 新事件 {{incident.number}}：{{incident.title}}{{/title}}
{{#section}}
${incidentFacts}
{{#if incident.symptom}}
**现象**：{{incident.symptom}}
{{/if}}
{{/section}}
${incidentAlerts}
${incidentButtons}
`,
  'incident.acknowledged': `{{#title}}[{{level.text}}] 事件已响应 {{incident.number}}：{{incident.title}}{{/title}}
{{#section}}
${incidentFacts}
{{#if actor}}
**响应人**：{{actor}}
{{/if}}
${note}
{{/section}}
${incidentAlerts}
${incidentButtons}
`,
  'incident.escalated': `{{#title}}[{{level.text}}] 事件升级 {{incident.number}}：{{incident.title}}{{/title}}
{{#section}}
**无人响应，已升级{{#if escalation.step}}到第 {{escalation.step}}{{#if escalation.steps}}/{{escalation.steps}}{{/if}} 步{{/if}}{{#if escalation.repeat}}（第 {{escalation.repeat}} 轮）{{/if}}**
${incidentFacts}
{{#if escalation.notified}}
**通知值班**：{{escalation.notified}}
{{/if}}
{{#if escalation.uncovered}}
**无人值班**：{{escalation.uncovered}}
{{/if}}
{{/section}}
${incidentAlerts}
${incidentButtons}
`,
  'incident.resolved': `{{#title}}[{{level.text}}] 事件已修复 {{incident.number}}：{{incident.title}}{{/title}}
{{#section}}
{{level.mark}} **级别**：{{level.text}}
**事件**：{{incident.number}} {{incident.title}}
{{#if incident.service}}
**服务**：{{incident.service}}
{{/if}}
{{#if value}}
**告警时的值**：{{value}}
{{/if}}
{{#if recoveryValue}}
**恢复值**：{{recoveryValue}}
{{/if}}
{{#if duration}}
**持续时间**：{{duration}}{{#if incident.occurredAt}}（{{incident.occurredAt}} 起）{{/if}}
{{/if}}
{{#if incident.resolvedAt}}
**恢复时间**：{{incident.resolvedAt}}
{{/if}}
{{#if actor}}
**处理人**：{{actor}}
{{/if}}
${note}
{{/section}}
${incidentAlerts}
{{button "查看事件" links.incident}}
{{button "查看图表" links.graph}}
`,
  'incident.reopened': `{{#title}}[{{level.text}}] 事件重新打开 {{incident.number}}：{{incident.title}}{{/title}}
{{#section}}
${incidentFacts}
{{#if actor}}
**操作人**：{{actor}}
{{/if}}
${note}
{{/section}}
${incidentAlerts}
${incidentButtons}
`,
  'sla.at_risk': `{{#title}}[{{level.text}}] {{sla.goalText}} SLA 即将超时 {{incident.number}}：{{incident.title}}{{/title}}
{{#section}}
${incidentFacts}
{{#if sla.dueAt}}
**{{sla.goalText}}截止**：{{sla.dueAt}}
{{/if}}
{{#if sla.remaining}}
**剩余**：{{sla.remaining}}
{{/if}}
{{/section}}
${incidentButtons}
`,
  'sla.breached': `{{#title}}[{{level.text}}] {{sla.goalText}} SLA 已超时 {{incident.number}}：{{incident.title}}{{/title}}
{{#section}}
${incidentFacts}
{{#if sla.dueAt}}
**{{sla.goalText}}截止**：{{sla.dueAt}}
{{/if}}
{{#if sla.overdue}}
**已超时**：{{sla.overdue}}
{{/if}}
{{/section}}
${incidentButtons}
`,
  'alert.group': `{{#title}}[{{level.text}}] {{#if (eq phase "resolved")}}告警恢复{{else}}告警{{/if}}：{{#if group.summary}}{{group.summary}}{{else}}{{group.name}}{{/if}}（{{group.count}} 条）{{/title}}
{{#if (gt group.count 1)}}
{{#if group.commonLabels.length}}
{{#section}}
**共同标签**：{{#each group.commonLabels}}{{name}}={{value}}{{#unless @last}}，{{/unless}}{{/each}}
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
**告警时的值**：{{value}}
{{/if}}
{{#if recoveryValue}}
**恢复值**：{{recoveryValue}}
{{/if}}
{{#if endsAt}}
**恢复时间**：{{endsAt}}
{{/if}}
{{else}}
{{#if value}}
**当前值**：{{value}}
{{/if}}
{{/if}}
{{#if duration}}
**持续时间**：{{duration}}（{{startsAt}} 起）
{{/if}}
{{#if description}}
{{description}}
{{/if}}
{{#if ownLabels.length}}
**标签**：{{#each ownLabels}}{{name}}={{value}}{{#unless @last}}，{{/unless}}{{/each}}
{{/if}}
{{links "查看图表" links.graph "处置手册" links.runbook}}
{{/section}}
{{/each}}
{{#if group.more}}
{{#section}}
另有 {{group.more}} 条告警未列出，请在 Alertmanager 中查看。
{{/section}}
{{/if}}
{{button "静默 1 小时" links.silence}}
{{button "查看图表" links.graph}}
{{button "处置手册" links.runbook}}
`,
  'inspection.report_ready': `{{#title}}巡检报告已生成：{{item.title}}{{/title}}
{{#section}}
{{level.mark}} **巡检报告**：{{item.title}}
{{#if item.period}}
**巡检周期**：{{item.period}}
{{/if}}
{{#if item.findings}}
**发现问题**：{{item.findings}} 项
{{/if}}
{{#if value}}
**数值**：{{value}}
{{/if}}
{{#if summary}}
{{summary}}
{{/if}}
{{/section}}
{{button "查看报告" links.item}}
`,
  'backup.failed': `{{#title}}[{{level.text}}] 备份失败：{{item.job}}{{/title}}
{{#section}}
{{level.mark}} **级别**：{{level.text}}
**备份任务**：{{item.job}}
{{#if item.target}}
**备份对象**：{{item.target}}
{{/if}}
{{#if item.error}}
**错误**：{{item.error}}
{{/if}}
{{#if value}}
**数值**：{{value}}
{{/if}}
{{#if item.lastSuccessAt}}
**上次成功**：{{item.lastSuccessAt}}
{{/if}}
{{/section}}
{{button "查看备份" links.item}}
`,
  'vulnerability.overdue': `{{#title}}[{{level.text}}] 漏洞修复已逾期：{{item.id}} {{item.title}}{{/title}}
{{#section}}
{{level.mark}} **级别**：{{level.text}}
**漏洞**：{{item.id}} {{item.title}}
{{#if item.host}}
**主机**：{{item.host}}
{{/if}}
{{#if item.dueAt}}
**修复截止**：{{item.dueAt}}
{{/if}}
{{#if overdue}}
**已逾期**：{{overdue}}
{{/if}}
{{/section}}
{{button "查看漏洞" links.item}}
`,
  'survey.low_score': `{{#title}}客户满意度低分：{{item.score}}{{#if item.maxScore}}/{{item.maxScore}}{{/if}} 分{{#if item.customer}}（{{item.customer}}）{{/if}}{{/title}}
{{#section}}
{{level.mark}} **满意度评分**：{{item.score}}{{#if item.maxScore}}/{{item.maxScore}}{{/if}}
{{#if item.customer}}
**客户**：{{item.customer}}
{{/if}}
{{#if incident.number}}
**事件**：{{incident.number}}
{{/if}}
{{#if item.comment}}
**客户意见**：{{item.comment}}
{{/if}}
{{/section}}
{{button "查看事件" links.incident}}
{{button "查看调查" links.item}}
`,
  test: `{{#title}}OpsDesk 测试消息：{{channel}}{{/title}}
{{#section}}
{{level.mark}} 这是一条来自 OpsDesk 的测试消息。收到即表示通知渠道 **{{channel}}** 配置正确。
{{#if actor}}
**发送人**：{{actor}}
{{/if}}
**发送时间**：{{at}}
{{/section}}
`,
};
