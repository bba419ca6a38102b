import { startPlatformRobot, type Platform, type Robot, type RobotOptions, type RobotPlatform } from './core';
import { dingtalkPlatform } from './dingtalk';
import { feishuPlatform } from './feishu';
import { webhookPlatform } from './webhook';
import { wecomPlatform } from './wecom';

export type {
  Robot,
  RobotAnswer,
  RobotMessage,
  RobotOptions,
  RobotOverride,
  RobotPlatform,
  RobotRequest,
} from './core';
export { WECOM_LIMITS } from './wecom';
export { FEISHU_LIMITS, FEISHU_HEADER_TEMPLATES, feishuSign } from './feishu';
export { DINGTALK_LIMITS, dingtalkSign } from './dingtalk';
export { WEBHOOK_SIGNATURE_TOLERANCE_SECONDS, webhookSignature } from './webhook';

const platforms: Record<RobotPlatform, Platform> = {
  wecom: wecomPlatform,
  feishu: feishuPlatform,
  dingtalk: dingtalkPlatform,
  webhook: webhookPlatform,
};

/**
 * A local stand-in for one platform's incoming robot on 127.0.0.1: it checks each request as the
 * platform documents it, answers with the platform's own error bodies, and records every accepted
 * message with the time it arrived (`received`) and every answer (`answers`).
 */
export function startRobot(opts: RobotOptions): Promise<Robot> {
  return startPlatformRobot(platforms[opts.platform], opts);
}
