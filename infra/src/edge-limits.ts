/**
 * Gateway environment that turns every edge rate limit off (0 means off), for a mesh whose one
 * client IP stands for many users or sends as fast as it can: a fault campaign, a contract check.
 * The limits themselves are tested by the gateway's own suite.
 */
export const EDGE_LIMITS_OFF: Record<string, string> = {
  RATE_LIMIT_LOGIN_PER_IP: '0',
  RATE_LIMIT_LOGIN_PER_USERNAME: '0',
  RATE_LIMIT_PER_IP: '0',
  RATE_LIMIT_PER_USER: '0',
  RATE_LIMIT_REGISTER_PER_IP: '0',
  RATE_LIMIT_HEALTH_PER_IP: '0',
};
