/** One request as an msw handler saw it, for assertions. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  authorization: string | null;
}

/** Collects the requests handlers receive, in order. */
export class RequestRecorder {
  readonly requests: RecordedRequest[] = [];

  /** Records a request and returns the record (the body is read from a clone). */
  async record(request: Request): Promise<RecordedRequest> {
    const url = new URL(request.url);
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(key);
      query[key] = all.length === 1 ? (all[0] as string) : all;
    }
    let body: unknown = undefined;
    const text = await request.clone().text();
    if (text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const entry: RecordedRequest = { method: request.method, path: url.pathname, query, body, authorization: request.headers.get("authorization") };
    this.requests.push(entry);
    return entry;
  }

  /** Requests to one path (exact) or matching a pattern. */
  to(path: string | RegExp, method?: string): RecordedRequest[] {
    return this.requests.filter(
      (r) => (typeof path === "string" ? r.path === path : path.test(r.path)) && (method === undefined || r.method === method),
    );
  }

  clear(): void {
    this.requests.length = 0;
  }
}
