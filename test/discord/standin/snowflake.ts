/** Discord-style ids for the stand-in: numeric strings that grow, as snowflakes do. */
let counter = 0n;
const EPOCH_MS = 1_420_070_400_000n;

/** A fresh snowflake id (timestamp bits from the real clock, so discord.js dates look sane). */
export function snowflake(): string {
  counter = (counter + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - EPOCH_MS) << 22n) | counter).toString();
}
