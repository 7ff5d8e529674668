import { EmulatorError } from "./state.js";

/** Default and maximum page size of one paginated route. */
export interface PageSize {
  default: number;
  max: number;
  /** Above the maximum: "clamp" (default) serves the maximum; "refuse" answers 400. */
  over?: "clamp" | "refuse";
}

// Cursors are opaque to clients; inside they are base64url("offset:N"), which is enough for a
// fixed in-memory list and lets a test decode one when it must.
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`, "utf8").toString("base64url");
}

/** Decodes a cursor, or throws 400 ADMIN-400-1 for one this emulator did not issue. */
export function decodeCursor(cursor: unknown): number {
  if (cursor === undefined || cursor === null || cursor === "") return 0;
  if (typeof cursor === "string") {
    const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
    if (match) return Number(match[1]);
  }
  throw new EmulatorError(400, "ADMIN-400-1", "Bad Request", "The cursor is invalid.");
}

/**
 * Resolves a requested page size: absent → the default; above the maximum → the maximum, or 400
 * where the service is known to refuse; not a positive integer → 400.
 */
export function resolvePageSize(requested: unknown, size: PageSize, name: string): number {
  if (requested === undefined || requested === null || requested === "") return size.default;
  const n = typeof requested === "string" && /^\d+$/.test(requested) ? Number(requested) : requested;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) {
    throw new EmulatorError(400, "ADMIN-400-24", "Bad Request", `${name} must be a positive integer.`);
  }
  if (n > size.max && size.over === "refuse") {
    throw new EmulatorError(400, "ADMIN-400-24", "Bad Request", `${name} must be at most ${size.max}.`);
  }
  return Math.min(n, size.max);
}

/** One page of `items` starting at `offset`, with the cursors of the neighbouring pages. */
export function pageOf<T>(items: readonly T[], offset: number, limit: number): { page: T[]; self: string; next?: string; prev?: string } {
  const page = items.slice(offset, offset + limit);
  const result: { page: T[]; self: string; next?: string; prev?: string } = { page, self: encodeCursor(offset) };
  if (offset + limit < items.length) result.next = encodeCursor(offset + limit);
  if (offset > 0) result.prev = encodeCursor(Math.max(0, offset - limit));
  return result;
}

/** A position in the events stream: after the event at time `t` with id `id`, in `order`. */
export interface StreamPosition {
  t: number;
  id: string;
  order: "asc" | "desc";
}

// Events-stream cursors are positions rather than offsets, so a cursor handed out at the end of
// the stream stays valid and later returns the events that arrived after it (polling).
export function encodeStreamCursor(position: StreamPosition | { t: null; id: null; order: "asc" | "desc" }): string {
  return Buffer.from(`stream:${JSON.stringify(position)}`, "utf8").toString("base64url");
}

/** Decodes an events-stream cursor; 400 ADMIN-400-1 for one this emulator did not issue. */
export function decodeStreamCursor(cursor: string): { t: number | null; id: string | null; order: "asc" | "desc" } {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (text.startsWith("stream:")) {
    try {
      const v = JSON.parse(text.slice("stream:".length)) as { t?: unknown; id?: unknown; order?: unknown };
      const order = v.order === "desc" ? "desc" : v.order === "asc" ? "asc" : undefined;
      const t = typeof v.t === "number" ? v.t : v.t === null ? null : undefined;
      const id = typeof v.id === "string" ? v.id : v.id === null ? null : undefined;
      if (order && t !== undefined && id !== undefined && (t === null) === (id === null)) return { t, id, order };
    } catch {
      // fall through to the refusal
    }
  }
  throw new EmulatorError(400, "ADMIN-400-1", "Bad Request", "The cursor is invalid.");
}
