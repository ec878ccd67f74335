/** Work still running, so that a producer is closed or replaced only once what was sent through it settled. */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  async track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    try {
      return await work;
    } finally {
      this.running.delete(work);
    }
  }

  /** Resolves once everything tracked now has settled, fulfilled or not. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
