import { readSnapshotFile } from "../../core/snapshot/reader.js";
import type { Snapshot, User } from "../../core/snapshot/schema.js";
import { NO_WRITE_CAPABILITIES, type DirectoryProvider } from "../provider.js";

/**
 * Reads a snapshot file. Read-only: it backs `--snapshot`, `--demo` and offline planning.
 * The file is read once and cached for the life of the provider.
 */
export class SnapshotProvider implements DirectoryProvider {
  readonly name = "snapshot";
  /** Known only from the file: preflight compares the snapshot's org.id. */
  readonly orgId = null;
  readonly capabilities = NO_WRITE_CAPABILITIES;
  private cached: Promise<Snapshot> | undefined;

  constructor(readonly file: string) {}

  readSnapshot(): Promise<Snapshot> {
    this.cached ??= readSnapshotFile(this.file);
    return this.cached;
  }

  async getAccount(accountId: string): Promise<User | null> {
    const snapshot = await this.readSnapshot();
    return snapshot.users.find((u) => u.accountId === accountId) ?? null;
  }

  async listServiceAccounts(): Promise<Snapshot["serviceAccounts"]> {
    return (await this.readSnapshot()).serviceAccounts;
  }
}
