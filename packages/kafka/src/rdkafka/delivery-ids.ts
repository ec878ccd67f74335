/** A block holds the ids of this many consecutive records of one publish. */
const BLOCK_BITS = 10;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const IN_BLOCK = BLOCK_SIZE - 1;
/** Block numbers wrap here, so every id stays below 2^30: a V8 small integer, passed without an allocation. */
export const BLOCK_COUNT = 1 << 20;

/** The publish a block's records belong to, and the index of the block's first record in it. */
export class IdBlock<T> {
  constructor(
    readonly owner: T,
    private readonly base: number,
  ) {}

  /** The index in its publish of the record named `id` (an id of this block). */
  index(id: number): number {
    return this.base + (id & IN_BLOCK);
  }
}

/** Where a record's ids start: its publish's first block, and how many blocks it holds. */
export interface IdRange {
  readonly first: number;
  readonly blocks: number;
}

/**
 * Names every record a publisher queues with a small integer, the opaque librdkafka hands back in its delivery
 * report, and finds the publish (`owner`) and record index it stands for. One map entry per block of 1024
 * records instead of an object per record that lives until its report: such objects outlive the young
 * generation and cost the adapter several percent more CPU per record than the raw loop spends.
 */
export class DeliveryIds<T> {
  private nextBlock = 0;
  private readonly blocks = new Map<number, IdBlock<T>>();

  /** Reserves ids for `count` records of `owner` (consecutive free blocks); release them once it settled. */
  reserve(owner: T, count: number): IdRange {
    const blocks = Math.max(1, Math.ceil(count / BLOCK_SIZE));
    if (this.blocks.size + blocks > BLOCK_COUNT)
      throw new Error(`more than ${BLOCK_COUNT * BLOCK_SIZE} records in flight`);
    let first = this.nextBlock;
    // Blocks still in use after the numbers wrapped are skipped (a publish that waits long for its reports).
    for (let i = 0; i < blocks; ) {
      if (this.blocks.has((first + i) % BLOCK_COUNT)) {
        first = (first + i + 1) % BLOCK_COUNT;
        i = 0;
      } else i++;
    }
    for (let i = 0; i < blocks; i++)
      this.blocks.set((first + i) % BLOCK_COUNT, new IdBlock(owner, i * BLOCK_SIZE));
    this.nextBlock = (first + blocks) % BLOCK_COUNT;
    return { first, blocks };
  }

  /** The id of record `index` of the publish that reserved `range`. */
  id(range: IdRange, index: number): number {
    return (((range.first + (index >>> BLOCK_BITS)) % BLOCK_COUNT) << BLOCK_BITS) | (index & IN_BLOCK);
  }

  /** The block of an id (its publish, and the record's index through `index`); undefined for one not reserved. */
  find(id: number): IdBlock<T> | undefined {
    return this.blocks.get(id >>> BLOCK_BITS);
  }

  /** Frees a publish's ids (every report of its records is in, or they were never queued). */
  release(range: IdRange): void {
    for (let i = 0; i < range.blocks; i++) this.blocks.delete((range.first + i) % BLOCK_COUNT);
  }

  /** Blocks in use. */
  get size(): number {
    return this.blocks.size;
  }
}
