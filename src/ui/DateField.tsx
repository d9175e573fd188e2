import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { enUS as pickerEn, ruRU as pickerRu } from '@mui/x-date-pickers/locales';
import { enGB, ru } from 'date-fns/locale';
import { format as formatDate, isValid } from 'date-fns';
import type { SxProps, Theme } from '@mui/material';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Language } from '../i18n/i18n';
import { useLanguage } from './useLanguage';

/**
 * Dates the user picks are calendar days 'YYYY-MM-DD' (an analysis date, a period's start), not
 * instants: they are shown and typed in the interface language ("1 нояб. 2026 г." in the
 * calendar, 01.11.2026 in the field) with MUI X Date Pickers over date-fns.
 *
 * Why date-fns rather than dayjs: its locales are plain objects passed per provider (dayjs
 * switches one global locale), its Russian locale has the genitive month forms ("1 ноября"),
 * it works on native Date objects without plugins and is tree-shaken to what is used.
 */
const DATE_FNS_LOCALES = { ru, en: enGB } as const;
const PICKER_TEXTS = {
  ru: pickerRu.components.MuiLocalizationProvider.defaultProps.localeText,
  en: pickerEn.components.MuiLocalizationProvider.defaultProps.localeText,
} satisfies Record<Language, object>;

/** Mounted once around the app: the pickers' language follows the interface language. */
export function DatePickerProvider({ children }: { children: ReactNode }) {
  const language = useLanguage();
  return (
    <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={DATE_FNS_LOCALES[language]} localeText={PICKER_TEXTS[language]}>
      {children}
    </LocalizationProvider>
  );
}

/** 'YYYY-MM-DD' → a Date at local midnight of that day (no time-zone shift), or null. */
export function isoToLocalDate(iso: string | null | undefined): Date | null {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return isValid(date) ? date : null;
}

export function localDateToIso(date: Date | null): string | null {
  return date && isValid(date) && date.getFullYear() >= 1000 ? formatDate(date, 'yyyy-MM-dd') : null;
}

export interface DateFieldProps {
  label: string;
  /** 'YYYY-MM-DD', or null when empty */
  value: string | null;
  /** a complete valid day, or null when the field is emptied; half-typed dates are not reported */
  onChange(value: string | null): void;
  min?: string | null;
  max?: string | null;
  helperText?: ReactNode;
  error?: boolean;
  /** put on the field's root; e2e: `setDate(page, testId, '2026-05-01')` */
  testId?: string;
  sx?: SxProps<Theme>;
}

/**
 * What the field shows. While the user types, each complete day is reported and often comes back
 * as `value` through storage (a saved setting read by a live query) — possibly an earlier
 * keystroke's day arriving after a later one. Fed back into the field mid-typing, it would reset
 * the sections under the user's fingers ("15.10" typed, "01.10" kept). So while the field has
 * focus it shows what is typed; a `value` that changes while it has no focus (Reset, another
 * screen, another tab) is shown at once.
 */
function useShownDate(value: string | null) {
  const [date, setDate] = useState<Date | null>(() => isoToLocalDate(value));
  const isFocused = useRef(false);
  const lastValue = useRef(value);
  useEffect(() => {
    if (value === lastValue.current) return;
    lastValue.current = value;
    if (!isFocused.current) setDate(isoToLocalDate(value));
  }, [value]);
  return {
    date,
    typed: setDate,
    focus: () => {
      isFocused.current = true;
    },
    // Leaving the field keeps what was typed (a half-typed or refused day stays marked); the
    // echoes still on their way then land on the typed day.
    blur: () => {
      isFocused.current = false;
    },
  };
}

/**
 * The one date input of the app (instead of the browser's `type="date"`, which shows the
 * browser's format, not the interface language's). Typing is checked as it goes: a day outside
 * `min`…`max` is marked at once.
 */
export function DateField({ label, value, onChange, min, max, helperText, error, testId, sx }: DateFieldProps) {
  const shown = useShownDate(value);
  return (
    <DatePicker
      label={label}
      value={shown.date}
      minDate={isoToLocalDate(min) ?? undefined}
      maxDate={isoToLocalDate(max) ?? undefined}
      onChange={(date, context) => {
        shown.typed(date);
        if (date === null) onChange(null);
        else if (context.validationError === null) {
          const iso = localDateToIso(date);
          if (iso) onChange(iso);
        }
      }}
      sx={sx}
      // data-date: the calendar day held, for tests (the field shows it in the language's pattern)
      slotProps={{ textField: { size: 'small', helperText, error, onFocus: shown.focus, onBlur: shown.blur, ...(testId ? { 'data-testid': testId, 'data-date': value ?? '' } : {}) } }}
    />
  );
}
