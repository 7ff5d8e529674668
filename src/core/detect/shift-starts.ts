import type { User } from "../snapshot/schema.js";

/**
 * When each department's people start their shifts: the org-local minute around which each
 * account's sign-ins gather (`scheduledStart`), for the accounts of a department that `counts`
 * takes for people's (a person's job title and name, no bot-like word). A call centre's agents
 * sign in within minutes of their shift's start, every one of them, day after day; a job keeps a
 * time of its own, and a scheduler's fleet of robots is named as robots. Found once per audit, on
 * first use.
 */
export class ShiftStarts {
  readonly #users: readonly User[];
  readonly #startOf: (slot: number) => number;
  readonly #counts: (user: User) => boolean;
  #byDepartment: Map<string, number[]> | undefined;
  /** Each counted account's own start, by account id. */
  #own: Map<string, number> | undefined;

  constructor(users: readonly User[], startOf: (slot: number) => number, counts: (user: User) => boolean) {
    this.#users = users;
    this.#startOf = startOf;
    this.#counts = counts;
  }

  /**
   * How many other accounts of `user`'s department that `counts` takes start their sign-ins
   * within `windowMinutes` of the time `user`'s gather around; 0 where `user` has no such time or
   * department, or is not counted itself.
   */
  peers(user: User, windowMinutes: number): number {
    const starts = this.#departments().get(departmentOf(user));
    const own = this.#own?.get(user.accountId);
    if (starts === undefined || own === undefined) return 0;
    let near = 0;
    for (const minute of starts) {
      const apart = Math.abs(minute - own);
      if (Math.min(apart, MINUTES_PER_DAY - apart) <= windowMinutes) near++;
    }
    // The account itself is among them.
    return near - 1;
  }

  #departments(): Map<string, number[]> {
    if (this.#byDepartment !== undefined) return this.#byDepartment;
    const byDepartment = new Map<string, number[]>();
    const own = new Map<string, number>();
    this.#users.forEach((user, slot) => {
      if (departmentOf(user) === "" || !this.#counts(user)) return;
      const minute = this.#startOf(slot);
      if (minute < 0) return;
      own.set(user.accountId, minute);
      const department = departmentOf(user);
      const starts = byDepartment.get(department);
      if (starts === undefined) byDepartment.set(department, [minute]);
      else starts.push(minute);
    });
    this.#own = own;
    return (this.#byDepartment = byDepartment);
  }
}

const MINUTES_PER_DAY = 1440;

function departmentOf(user: User): string {
  return (user.department ?? "").trim().toLowerCase();
}
