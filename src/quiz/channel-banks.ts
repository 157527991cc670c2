import type { Catalogue } from '../bank/catalogue.js';
import type { Bank } from '../bank/types.js';
import type { ChannelBankChoice, Repositories } from '../store/ports/index.js';

/** A channel's banks as loaded right now, and what it chose (undefined: every bank, the default). */
export interface ChannelBankSet {
  banks: Bank[];
  choice: ChannelBankChoice | undefined;
}

/**
 * The loaded banks a channel uses (docs/design.md, "Curriculum"): its choice, in load
 * order, skipping slugs whose bank is not loaded; every bank when it has not chosen.
 */
export async function banksOfChannel(store: Pick<Repositories, 'channelBanks'>, catalogue: Catalogue, channelKey: number): Promise<ChannelBankSet> {
  const choice = await store.channelBanks.get(channelKey);
  return { banks: catalogue.banksAmong(choice?.slugs ?? null), choice };
}
