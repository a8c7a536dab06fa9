/**
 * Runs tasks one after another per key (one person), while different keys run independently.
 * Two messages from the same person are therefore always handled in arrival order.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<R>(key: string, task: () => R | Promise<R>): Promise<R> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const next = prev.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    // Forget finished chains so memory does not grow with the number of people.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /** Whether something of this key is queued or running. */
  busy(key: string): boolean {
    return this.tails.has(key);
  }

  /** Resolves once every task queued so far has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }

  get size(): number {
    return this.tails.size;
  }
}
