import type { TFunction } from 'i18next';
import { create, type StateCreator } from 'zustand';
import { currencyForLocales, FALLBACK_CURRENCY, type Formatter, type WorkspaceCurrency } from '../domain/format';

export type NoticeSeverity = 'success' | 'info' | 'warning' | 'error';

/**
 * A notice's text: best a function of the current `t` and formatter, so a toast shown (or a
 * task finishing) after the language changed speaks the new language; a plain string stays as
 * it is.
 */
export type NoticeText = string | ((context: { t: TFunction; format: Formatter }) => string);

export interface Notice {
  id: number;
  severity: NoticeSeverity;
  message: NoticeText;
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
  notify(severity: NoticeSeverity, message: NoticeText): void;
  clearNotice(): void;
}

/** What the formatter needs from the active workspace (kept in sync by the app shell). */
export interface DisplaySettings {
  currency: WorkspaceCurrency;
  timeZone: string;
}

interface DisplaySlice {
  display: DisplaySettings;
  setDisplay(display: DisplaySettings): void;
}

interface BootSlice {
  boot: BootState;
  setBoot(boot: BootState): void;
}

export type AppState = WorkspaceSlice & NoticeSlice & BootSlice & DisplaySlice;

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

const createDisplaySlice: StateCreator<AppState, [], [], DisplaySlice> = (set) => ({
  display: { currency: { code: currencyForLocales(typeof navigator === 'undefined' ? [] : navigator.languages ?? []) ?? FALLBACK_CURRENCY, source: 'locale' }, timeZone: 'UTC' },
  setDisplay: (display) => set({ display }),
});

/** The one app store, built from typed slices. */
export const useAppStore = create<AppState>()((...args) => ({
  ...createWorkspaceSlice(...args),
  ...createNoticeSlice(...args),
  ...createBootSlice(...args),
  ...createDisplaySlice(...args),
}));
