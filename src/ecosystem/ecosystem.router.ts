/** The ecosystem room's declared router and `can`, typed with the kernel's and the room's actions. */
import {
  type AnyResource,
  type AuditActor,
  type PolicyDeps,
  type RoomRouter,
  roomRouting,
} from "../kernel/index.ts";
import type { Viewer } from "../platform/auth/index.ts";
import { type EcosystemAction, ecosystemPolicy } from "./ecosystem.policy.ts";

export { requireViewer } from "../kernel/index.ts";

/** A router whose routes are authorised by the kernel's and the ecosystem room's actions. */
export type EcosystemRouter = RoomRouter<EcosystemAction, AnyResource>;

const routing = roomRouting(ecosystemPolicy);

/** Creates an ecosystem router (its actions registered with the kernel's policy). */
export const createEcosystemRoomRouter: (deps: PolicyDeps) => EcosystemRouter = routing.createRouter;

/** Asks the policy, without throwing: for showing or hiding buttons. */
export const can = routing.can;

/** The signed-in viewer as the audit log names them. */
export function auditActorOf(viewer: Viewer): AuditActor {
  return { userId: viewer.userId, label: viewer.name };
}
