import { Autocomplete, Box, Chip, TextField, Typography, type AutocompleteRenderInputParams } from '@mui/material';
import type { HTMLAttributes, Key } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format';
import type { NameOption, ValueOption } from './options';

/**
 * Pickers of names the workspace's data has (event types, fields, segments, stages …), each
 * option with its count; names the data lacks are grouped apart and chosen ones are marked.
 */
interface PickerBase {
  label: string;
  options: NameOption[];
  /** what the counts are: events or customers */
  countOf: 'events' | 'customers';
  problem?: string | null;
  helperText?: string;
  testId?: string;
  isLoading?: boolean;
}

function OptionRow({ option, countOf, props }: { option: NameOption; countOf: PickerBase['countOf']; props: HTMLAttributes<HTMLLIElement> & { key?: Key } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { key, ...rest } = props;
  return (
    <li key={key} {...rest}>
      <Box sx={{ display: 'flex', width: '100%', gap: 1, alignItems: 'baseline' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="body2" component="span">{option.label}</Typography>
          {option.label !== option.value && (
            <Typography variant="caption" component="span" color="text.secondary" sx={{ ml: 0.75 }}>{option.value}</Typography>
          )}
        </Box>
        {option.count !== null && (
          <Typography variant="caption" color="text.secondary" title={t(countOf === 'events' ? 'conditions.options.countOfEvents' : 'conditions.options.countOfCustomers')}>
            {format.count(option.count)}
          </Typography>
        )}
      </Box>
    </li>
  );
}

function groupName(option: NameOption, t: (key: string) => string): string {
  return option.isInData ? t('conditions.options.inData') : t('conditions.options.notInData');
}

/** What both pickers' Autocompletes share: grouping, labels, loading and empty texts. */
function sharedProps(t: (key: string) => string, isLoading: boolean | undefined) {
  return {
    loading: isLoading,
    loadingText: t('conditions.options.loading'),
    noOptionsText: t('conditions.options.noOptions'),
    groupBy: (option: NameOption) => groupName(option, t),
    getOptionLabel: (option: NameOption) => option.label,
    isOptionEqualToValue: (option: NameOption, selected: NameOption) => option.value === selected.value,
  };
}

/** Options grouped: the data's names first (Autocomplete needs them sorted by group). */
function grouped(options: NameOption[]): NameOption[] {
  return [...options.filter((option) => option.isInData), ...options.filter((option) => !option.isInData)];
}

/** Several names (event types, segments, stages, statuses). */
export function NamesPicker({ label, options, countOf, problem, helperText, testId, isLoading, value, onChange }: PickerBase & { value: readonly string[]; onChange(next: string[]): void }) {
  const { t } = useTranslation();
  const sorted = grouped(options);
  const chosen = value.map((name) => sorted.find((option) => option.value === name) ?? { value: name, label: name, count: 0, isInData: false });
  return (
    <Autocomplete
      multiple
      size="small"
      options={sorted}
      value={chosen}
      {...sharedProps(t, isLoading)}
      onChange={(_event, next) => onChange(next.map((option) => option.value))}
      renderOption={(props, option) => <OptionRow key={option.value} option={option} countOf={countOf} props={props} />}
      renderValue={(selected, getItemProps) =>
        selected.map((option, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return (
            <Chip
              key={key}
              {...itemProps}
              size="small"
              label={option.isInData ? option.label : `${option.label} · ${t('conditions.options.missing')}`}
              color={option.isInData ? 'default' : 'warning'}
            />
          );
        })
      }
      renderInput={(params) => (
        <TextField {...params} label={label} error={Boolean(problem)} helperText={problem ?? helperText ?? ' '} slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }} />
      )}
    />
  );
}

/** One name ('' = none chosen yet). */
export function NamePicker({ label, options, countOf, problem, helperText, testId, isLoading, value, onChange }: PickerBase & { value: string; onChange(next: string): void }) {
  const { t } = useTranslation();
  const sorted = grouped(options);
  const chosen = value === '' ? null : (sorted.find((option) => option.value === value) ?? { value, label: value, count: 0, isInData: false });
  const warning = chosen && !chosen.isInData ? t('conditions.options.missing') : null;
  return (
    <Autocomplete
      size="small"
      options={sorted}
      value={chosen}
      {...sharedProps(t, isLoading)}
      onChange={(_event, next) => onChange(next?.value ?? '')}
      renderOption={(props, option) => <OptionRow key={option.value} option={option} countOf={countOf} props={props} />}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          error={Boolean(problem)}
          color={warning ? 'warning' : undefined}
          helperText={problem ?? warning ?? helperText ?? ' '}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      )}
    />
  );
}

/**
 * Free values of a field or prop, the data's most frequent ones offered with their counts.
 * Typed text counts once the user presses Enter or leaves the field.
 */
export function ValuesField({ label, options, value, onChange, isSingle, problem, testId }: {
  label: string;
  options: ValueOption[];
  value: readonly string[];
  onChange(next: string[], options?: { coalesceKey?: string }): void;
  isSingle?: boolean;
  problem?: string | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const renderOption = (props: HTMLAttributes<HTMLLIElement> & { key?: Key }, option: string) => {
    const { key, ...rest } = props;
    const count = options.find((item) => item.value === option)?.count;
    return (
      <li key={key} {...rest}>
        <Box sx={{ display: 'flex', width: '100%', gap: 1 }}>
          <Typography variant="body2" sx={{ flex: 1 }}>{option}</Typography>
          {count !== undefined && <Typography variant="caption" color="text.secondary">{format.count(count)}</Typography>}
        </Box>
      </li>
    );
  };
  const input = (params: AutocompleteRenderInputParams) => (
    <TextField
      {...params}
      label={label}
      error={Boolean(problem)}
      helperText={problem ?? t('conditions.valuesHelp')}
      slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
    />
  );
  const choices = options.map((option) => option.value);
  if (isSingle) {
    return (
      <Autocomplete
        freeSolo
        size="small"
        options={choices}
        inputValue={value[0] ?? ''}
        onInputChange={(_event, text, reason) => reason !== 'reset' && onChange(text === '' ? [] : [text], { coalesceKey: 'value' })}
        renderOption={renderOption}
        renderInput={input}
      />
    );
  }
  return (
    <Autocomplete
      multiple
      freeSolo
      autoSelect
      size="small"
      options={choices}
      value={[...value]}
      onChange={(_event, next) => onChange([...new Set(next.map((item) => item.trim()).filter(Boolean))])}
      renderOption={renderOption}
      renderValue={(selected, getItemProps) =>
        selected.map((item, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} {...itemProps} size="small" label={item} />;
        })
      }
      renderInput={input}
    />
  );
}
