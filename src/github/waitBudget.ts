/**
 * The most a run may wait on GitHub's rate limits, all clients together. A run that would wait longer stops with a
 * clear error instead, so it never sits out the job's time limit and gets killed half-way through a publish.
 */
export class WaitBudget {
  private spent = 0;

  constructor(readonly seconds: number) {}

  get remaining(): number {
    return Math.max(0, this.seconds - this.spent);
  }

  /** Takes `seconds` from the budget when they fit, else takes nothing and answers false. */
  take(seconds: number): boolean {
    if (seconds > this.remaining) return false;
    this.spent += seconds;
    return true;
  }
}
