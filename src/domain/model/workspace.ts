/** An isolated sandbox: its own customers, events, chains, settings and runs. */
export interface Workspace {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** IANA zone used for local times (quiet hours, "10:00 local"). */
  timeZone: string;
  /** Created from the demo generator (shown as such in the UI). */
  isDemo: boolean;
  /** Seed and size when created from the demo generator. */
  demo?: { seed: number; customers: number };
  /** Bumped on every change of customers or events; caches key on it. */
  dataVersion: number;
}
