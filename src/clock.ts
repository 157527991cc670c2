/** Where the core gets the current time; logic never reads the system clock itself. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** A clock that only moves when told to: for tests and the scripted console. */
export class ManualClock implements Clock {
  private current: Date;

  constructor(start: Date) {
    this.current = new Date(start.getTime());
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(to: Date): void {
    this.current = new Date(to.getTime());
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
