import type { Severity } from '../../incidents/schema';
import type { Color, Language, Phase } from '../types';

/** The words, levels, times and durations of a message, in each language a channel can speak. */

export type Words = {
  severity: Record<Severity, string>;
  resolved: string;
  info: string;
  alert: Record<'firing' | 'resolved', string>;
  status: Record<string, string>;
  goal: Record<string, string>;
  units: [string, string, string, string];
  silenceComment: (what: string) => string;
};

export const WORDS: Record<Language, Words> = {
  'zh-Hans': {
    severity: { P1: 'P1', P2: 'P2', P3: 'P3', P4: 'P4' },
    resolved: '已恢复',
    info: '通知',
    alert: { firing: '告警中', resolved: '已恢复' },
    // the app's wording (grafana-app/src/locales/zh-Hans)
    status: {
      triggered: '已触发',
      acknowledged: '已响应',
      mitigated: '已缓解',
      waiting_for_customer: '等待客户',
      resolved: '已修复',
      closed: '已关闭',
    },
    goal: { response: '响应', resolution: '修复' },
    units: ['天', '小时', '分钟', '秒'],
    silenceComment: (what) => `静默 1 小时(表单默认 2 小时,请把时长改为 1h):${what}`,
  },
  en: {
    severity: { P1: 'P1', P2: 'P2', P3: 'P3', P4: 'P4' },
    resolved: 'Resolved',
    info: 'Notice',
    alert: { firing: 'Firing', resolved: 'Resolved' },
    status: {
      triggered: 'Triggered',
      acknowledged: 'Acknowledged',
      mitigated: 'Mitigated',
      waiting_for_customer: 'Waiting for customer',
      resolved: 'Resolved',
      closed: 'Closed',
    },
    goal: { response: 'response', resolution: 'resolution' },
    units: ['d', 'h', 'm', 's'],
    silenceComment: (what) => `Silence for 1h (the form opens with 2h: set Duration to 1h): ${what}`,
  },
};

const SEVERITY_COLOR: Record<Severity, Color> = { P1: 'red', P2: 'orange', P3: 'yellow', P4: 'blue' };
const COLOR_MARK: Record<Color, string> = {
  red: '🔴',
  orange: '🟠',
  yellow: '🟡',
  blue: '🔵',
  green: '🟢',
  grey: '⚪',
};
// Alertmanager's severity label as the server maps it by default (config incidents.severity_map)
export const LABEL_SEVERITY: Record<string, Severity> = {
  critical: 'P1',
  error: 'P2',
  warning: 'P3',
  info: 'P4',
};
export const isSeverity = (s: unknown): s is Severity => s === 'P1' || s === 'P2' || s === 'P3' || s === 'P4';

export interface Level {
  severity: string;
  /** P1…P4, or resolved, in the channel's language */
  text: string;
  color: Color;
  /** a coloured dot, so a section shows its level where the platform has no colour */
  mark: string;
}

export function levelOf(severity: Severity | undefined, phase: Phase, lang: Language): Level {
  const words = WORDS[lang];
  const color: Color = phase === 'resolved' ? 'green' : severity ? SEVERITY_COLOR[severity] : 'grey';
  const text =
    phase === 'resolved'
      ? severity
        ? `${words.severity[severity]} · ${words.resolved}`
        : words.resolved
      : severity
        ? words.severity[severity]
        : words.info;
  return { severity: severity ?? '', text, color, mark: COLOR_MARK[color] };
}

/** the two largest units that are not zero: "2 小时 5 分钟", "3d 4h", "45s" */
export function formatDuration(ms: number, lang: Language): string {
  const units = WORDS[lang].units;
  let left = Math.max(0, Math.round(ms / 1000));
  const values = [86_400, 3_600, 60, 1].map((size) => {
    const n = Math.floor(left / size);
    left -= n * size;
    return n;
  });
  const first = values.findIndex((n) => n > 0);
  if (first < 0) return lang === 'en' ? '0s' : `0 ${units[3]}`;
  const shown = [first];
  if (first < 3 && (values[first + 1] as number) > 0) shown.push(first + 1);
  return shown.map((i) => (lang === 'en' ? `${values[i]}${units[i]}` : `${values[i]} ${units[i]}`)).join(' ');
}

export function formatTime(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).formatToParts(new Date(at));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const zone = get('timeZoneName').replace(/^GMT$/, 'UTC').replace(/^GMT/, 'UTC');
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')} ${zone}`;
}
