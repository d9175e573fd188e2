import { create, type StateCreator } from 'zustand';

export type NoticeSeverity = 'success' | 'info' | 'warning' | 'error';

export interface Notice {
  id: number;
  severity: NoticeSeverity;
  /** Already translated text. */
  message: string;
}

export type BootState =
  | { status: 'starting' }
  | { status: 'creating-demo'; done: number; total: number }
  | { status: 'ready' }
  | { status: 'failed'; message: string };

interface WorkspaceSlice {
  activeWorkspaceId: string | null;
  setActiveWorkspaceId(id: string | null): void;
}

interface NoticeSlice {
  notice: Notice | null;
  notify(severity: NoticeSeverity, message: string): void;
  clearNotice(): void;
}

interface BootSlice {
  boot: BootState;
  setBoot(boot: BootState): void;
}

export type AppState = WorkspaceSlice & NoticeSlice & BootSlice;

const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set) => ({
  activeWorkspaceId: null,
  setActiveWorkspaceId: (id) => set({ activeWorkspaceId: id }),
});

let noticeCounter = 0;
const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set) => ({
  notice: null,
  notify: (severity, message) => set({ notice: { id: ++noticeCounter, severity, message } }),
  clearNotice: () => set({ notice: null }),
});

const createBootSlice: StateCreator<AppState, [], [], BootSlice> = (set) => ({
  boot: { status: 'starting' },
  setBoot: (boot) => set({ boot }),
});

/** The one app store, built from typed slices. */
export const useAppStore = create<AppState>()((...args) => ({
  ...createWorkspaceSlice(...args),
  ...createNoticeSlice(...args),
  ...createBootSlice(...args),
}));
