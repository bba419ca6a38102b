import { startPlatformRobot, type Platform, type Robot, type RobotOptions, type RobotPlatform } from './core';
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

const platforms: Partial<Record<RobotPlatform, Platform>> = {
  wecom: wecomPlatform,
};

/**
 * A local stand-in for one platform's incoming robot on 127.0.0.1: it checks each request as the
 * platform documents it, answers with the platform's own error bodies, and records every accepted
 * message with the time it arrived (`received`) and every answer (`answers`).
 */
export function startRobot(opts: RobotOptions): Promise<Robot> {
  const platform = platforms[opts.platform];
  if (!platform) throw new Error(`startRobot: no stand-in for ${opts.platform}`);
  return startPlatformRobot(platform, opts);
}
