/** Why a screen could not be shown, as far as the user can act on it. */
export type ScreenFailure = { kind: 'outdatedCode' } | { kind: 'error'; message: string };

// What browsers say when a module's file cannot be fetched: Chromium, Firefox, Safari, and
// Vite's own error for a chunk's preloaded dependencies.
const CODE_LOAD_FAILURES = [/Failed to fetch dynamically imported module/i, /error loading dynamically imported module/i, /Importing a module script failed/i, /Unable to preload CSS/i];

/**
 * Tells a screen whose code file is gone (the app was updated under an open tab, so a reload
 * brings the new code) from an error in the screen itself.
 */
export function screenFailureOf(error: unknown): ScreenFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (CODE_LOAD_FAILURES.some((pattern) => pattern.test(message))) return { kind: 'outdatedCode' };
  return { kind: 'error', message: message || (error instanceof Error ? error.name : 'unknown error') };
}
