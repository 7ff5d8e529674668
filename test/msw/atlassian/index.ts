import type { RequestRecorder } from "../recorder.js";
import { apiAccessHandlers } from "./api-access.js";
import { directoryHandlers } from "./directory.js";
import { eventHandlers } from "./events.js";
import type { FakeOrg } from "./fake-org.js";
import { gatewayHandlers } from "./gateway.js";
import { orgHandlers } from "./org.js";
import { userManagementHandlers } from "./user-management.js";

export { FAKE_KEY, makeFakeOrg, type FakeOrg } from "./fake-org.js";
export { apiError } from "./common.js";

/** Every Atlassian handler, by resource, over one fake org. */
export function atlassianHandlers(org: FakeOrg, recorder: RequestRecorder) {
  const ctx = { org, recorder };
  return [
    ...orgHandlers(ctx),
    ...directoryHandlers(ctx),
    ...eventHandlers(ctx),
    ...apiAccessHandlers(ctx),
    ...userManagementHandlers(ctx),
    ...gatewayHandlers(ctx),
  ];
}
