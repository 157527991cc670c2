import type { Repositories } from '../store/ports/index.js';

/** The zone a channel's rounds, weeks and months follow: its schedule's, or UTC. */
export async function channelZone(store: Pick<Repositories, 'schedules'>, channelKey: number): Promise<string> {
  return (await store.schedules.get(channelKey))?.spec.zone ?? 'UTC';
}
