// The one mutex: runs async work one at a time, in call order. A failed step does not block the ones
// queued behind it. Used in main by the vault (imports, reconcile, trash moves, backup snapshots), the
// audit log (appends chain on the last hash) and the reminder schedule (read–modify–write), and in
// the renderer by the card-shop record (field edits read–modify–write one record).

export interface Serial {
  <T>(work: () => Promise<T>): Promise<T>;
  /** Resolves once nothing is queued, including work queued while waiting. */
  idle(): Promise<void>;
}

/** Takes the lock of `exclusive` and keeps it until the returned release is called: for work that spans several calls. */
export function holdLock(exclusive: <T>(work: () => Promise<T>) => Promise<T>): Promise<() => void> {
  return new Promise((held) => {
    void exclusive(() => new Promise<void>((release) => held(release)));
  });
}

export function createSerial(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  const run = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work);
    tail = next.catch(() => undefined);
    return next;
  };
  const idle = async (): Promise<void> => {
    let seen: Promise<unknown> | undefined;
    while (seen !== tail) {
      seen = tail;
      await seen;
    }
  };
  return Object.assign(run, { idle });
}
