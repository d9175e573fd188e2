import { events } from '../conditions/build';
import { validateEventMatch } from '../conditions/validate';
import { minutesOfDay } from './localTime';
import { finding, type ChainFinding } from './findings';
import type { ChainSettings } from './types';

/**
 * Defaults of a new chain's settings, chosen to protect customers first: enter once, quiet
 * hours 22:00–09:00 on (messages wait for the morning), goal = an order within 3 days of a
 * message. The frequency cap is off by default but keeps its values (3 per 7 days) for when it
 * is switched on; so do the re-entry cool-down and the quiet hours.
 */
export function defaultChainSettings(): ChainSettings {
  return {
    reEntry: { mode: 'once', cooldownDays: 7 },
    goal: { isEnabled: true, event: events('order'), attributionDays: 3, exitOnGoal: false },
    controlGroupPercent: 0,
    frequencyCap: { isEnabled: false, messages: 3, days: 7, window: 'rolling' },
    quietHours: { isEnabled: true, from: '22:00', to: '09:00', mode: 'wait' },
    timeZone: null,
  };
}

/** Completeness of the settings (the schema already holds the ranges). */
export function validateSettings(settings: ChainSettings): ChainFinding[] {
  const findings: ChainFinding[] = [];
  if (settings.goal.isEnabled) {
    if (!settings.goal.event.types.length) {
      findings.push(finding('settings_invalid', 'error', 'The goal is on but has no event: choose the event that counts as reaching it (e.g. order).', 'Цель включена, но событие не выбрано: укажите событие, которое считается достижением цели (например, order).', { path: 'settings.goal.event.types' }));
    }
    for (const issue of validateEventMatch(settings.goal.event, 'settings.goal.event')) findings.push({ code: 'settings_invalid', severity: issue.severity, message: issue.message, path: issue.path });
  }
  if (settings.quietHours.isEnabled && minutesOfDay(settings.quietHours.from) === minutesOfDay(settings.quietHours.to)) {
    findings.push(finding('settings_invalid', 'error', 'Quiet hours start and end at the same time: set a period, or switch them off.', 'Тихие часы начинаются и заканчиваются в одно время: задайте период или выключите их.', { path: 'settings.quietHours' }));
  }
  return findings;
}
