import type { User } from "../snapshot/schema.js";

/**
 * When each department's people start their shifts: the org-local minute around which each
 * account's sign-ins gather (`scheduledStart`), for the accounts of a department that `counts`
 * takes for people's (a person's job title and name, no bot-like word), and whether that start is
 * kept at weekends or outside business hours too. A call centre's agents sign in within minutes of
 * their shift's start, every one of them, day after day; a job keeps a time of its own, and a
 * scheduler's fleet of robots is named as robots. Found once per audit, on first use.
 */
export class ShiftStarts {
  readonly #users: readonly User[];
  readonly #startOf: (slot: number) => number;
  readonly #offHoursOf: (slot: number) => number;
  readonly #counts: (user: User) => boolean;
  /** Per department, the counted accounts at each minute of the day: business hours only at `minute`, off hours too at `MINUTES_PER_DAY + minute`. */
  #byDepartment: Map<string, Int32Array> | undefined;
  /** Accounts in each department, counted or not. */
  #sizes: Map<string, number> | undefined;
  /** Each counted account's own start, by account id. */
  #own: Map<string, Start> | undefined;

  constructor(users: readonly User[], startOf: (slot: number) => number, offHoursOf: (slot: number) => number, counts: (user: User) => boolean) {
    this.#users = users;
    this.#startOf = startOf;
    this.#offHoursOf = offHoursOf;
    this.#counts = counts;
  }

  /**
   * How many other accounts of `user`'s department that `counts` takes start their sign-ins
   * within `windowMinutes` of the time `user`'s gather around, at weekends or outside business
   * hours too where `user`'s do and only in business hours where `user`'s do; 0 where `user` has no
   * such time or department, is not counted itself, or its department has fewer than
   * `minDepartment` accounts (a team, not a fleet of a few jobs). A few look-ups per account,
   * whatever the department's size.
   */
  peers(user: User, windowMinutes: number, minDepartment: number): number {
    const department = departmentOf(user);
    const minutes = this.#departments().get(department);
    const own = this.#own?.get(user.accountId);
    if (minutes === undefined || own === undefined || (this.#sizes?.get(department) ?? 0) < minDepartment) return 0;
    const base = own.offHours ? MINUTES_PER_DAY : 0;
    const span = Math.min(windowMinutes, MINUTES_PER_DAY >> 1);
    let near = 0;
    for (let d = -span; d <= span; d++) near += minutes[base + ((own.minute + d + MINUTES_PER_DAY) % MINUTES_PER_DAY)] as number;
    // The account itself is among them.
    return near - 1;
  }

  #departments(): Map<string, Int32Array> {
    if (this.#byDepartment !== undefined) return this.#byDepartment;
    const byDepartment = new Map<string, Int32Array>();
    const sizes = new Map<string, number>();
    const own = new Map<string, Start>();
    this.#users.forEach((user, slot) => {
      const department = departmentOf(user);
      if (department === "") return;
      sizes.set(department, (sizes.get(department) ?? 0) + 1);
      const minute = this.#startOf(slot);
      if (minute < 0 || !this.#counts(user)) return;
      const start = { minute: minute % MINUTES_PER_DAY, offHours: this.#offHoursOf(slot) > 0 };
      own.set(user.accountId, start);
      let minutes = byDepartment.get(department);
      if (minutes === undefined) byDepartment.set(department, (minutes = new Int32Array(2 * MINUTES_PER_DAY)));
      const at = (start.offHours ? MINUTES_PER_DAY : 0) + (minute % MINUTES_PER_DAY);
      minutes[at] = (minutes[at] as number) + 1;
    });
    this.#own = own;
    this.#sizes = sizes;
    return (this.#byDepartment = byDepartment);
  }
}

interface Start {
  minute: number;
  offHours: boolean;
}

const MINUTES_PER_DAY = 1440;

function departmentOf(user: User): string {
  return (user.department ?? "").trim().toLowerCase();
}
