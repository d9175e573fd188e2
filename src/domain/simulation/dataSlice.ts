import type { SimulationData } from './runShard';

/**
 * The part of the data a shard of customers [from, to) needs: the profile blocks and the event
 * blocks that hold any of those customers, the blocks themselves (no copy). Handed to a worker,
 * it is all that worker receives, so the shards of a run copy the store once between them, not
 * once per worker. Blocks keep their order, so a batch's blocks still form one sorted run.
 */
export function sliceSimulationData<T extends SimulationData>(data: T, range: { from: number; to: number }): T {
  const { from, to } = range;
  return {
    ...data,
    customers: data.customers.filter((block) => block.start < to && block.start + block.count > from),
    events: data.events.filter((block) => block.count > 0 && block.customer[0]! < to && block.customer[block.count - 1]! >= from),
  };
}
