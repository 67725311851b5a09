/**
 * The emulator's clock. Tests and demos can move it (`POST /__emulator/clock`), and everything that tells
 * time inside the emulator reads it: `$tcb_server_date`, timer triggers, and the `Date` that function
 * workers see (the worker bootstrap applies the offset, so function code carries no test hooks).
 *
 * It is an offset from the real clock rather than a frozen instant, so time keeps moving after it is set,
 * as it would in the cloud.
 */
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Milliseconds to add to the real clock; 0 when the clock follows real time. */
  offset(): number {
    return this.offsetMs;
  }

  /** Set the clock to `iso` (it keeps running from there), or back to real time with `null`. */
  set(iso: string | null): void {
    if (iso === null) {
      this.offsetMs = 0;
      return;
    }
    const target = Date.parse(iso);
    if (Number.isNaN(target)) throw new Error(`invalid time: ${iso}`);
    this.offsetMs = target - Date.now();
  }
}
