/**
 * Advisory lock keys (two 32-bit ints: a namespace, then the lock). The namespace is
 * "mesh" in ASCII, so other applications on a shared server are unlikely to collide.
 */
const NAMESPACE = 0x6d657368;

export const LOCKS = Object.freeze({
  /** Held while migrating: replicas starting together migrate once. */
  migrations: [NAMESPACE, 1] as [number, number],
  /** Held by the one replica that runs the scheduler. */
  scheduler: [NAMESPACE, 2] as [number, number],
});
