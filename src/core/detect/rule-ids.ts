/**
 * Every detection rule id. Config (weight overrides, disabled rules) is validated against this
 * list, so a typo in `bot2svc.config.json` is reported instead of silently ignored.
 */
export const RULE_IDS = [
  "channel-divergence",
  "token-without-ui",
  "departed-with-live-token",
  "token-events",
  "round-the-clock",
  "every-day",
  "activity-schedule",
  "activity-cadence",
  "login-round-the-clock",
  "login-fixed-cadence",
  "login-flood",
  "login-schedule",
  "login-daily-slots",
  "automation-user-agent",
  "datacenter-ip",
  "email-otp",
  "bot-name",
  "role-mailbox",
  "empty-profile",
  "not-idp-linked",
  "no-2sv",
  "recent-ui-activity",
  "working-hours-only",
  "interactive-logins",
  "full-profile",
  "idp-synced",
  "2sv-enabled",
  "admin-role",
  "admin-group",
  "many-groups",
  "token-expiring",
] as const;

export type RuleId = (typeof RULE_IDS)[number];
