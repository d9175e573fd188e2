import { Alert, Box, Stack, TextField, Typography, type SxProps, type Theme } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainFinding } from '../../../domain/chains/findings';
import { useLanguage } from '../../../ui/useLanguage';
import { orderedFindings, parseLocalTime } from './inspectorModel';

/** Building blocks the panel's forms share. */

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Box component="section" aria-label={title} data-testid={testId} sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Typography variant="overline" component="h3" color="text.secondary" sx={{ lineHeight: 1.5 }}>{title}</Typography>
      {children}
    </Box>
  );
}

/** The node's (or the settings') findings at the top of the panel, errors first. */
export function FindingsList({ findings, testId }: { findings: readonly ChainFinding[]; testId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!findings.length) {
    return <Alert severity="success" variant="outlined" data-testid={testId}>{t('inspector.findings.none')}</Alert>;
  }
  return (
    <Stack sx={{ gap: 0.75 }} data-testid={testId} aria-label={t('inspector.findings.title')} role="list">
      {orderedFindings(findings).map((finding, index) => (
        <Alert key={`${finding.code}:${finding.path ?? ''}:${index}`} severity={finding.severity} role="listitem" data-testid={`${testId}-item`}>
          {finding.message[language]}
          {finding.suggestions?.length ? <Typography variant="caption" component="div">{t('inspector.findings.suggestions', { names: finding.suggestions.join(', ') })}</Typography> : null}
        </Alert>
      ))}
    </Stack>
  );
}

/**
 * A text input whose value must have a form (a local time, a date) before the chain takes it:
 * `parse` turns what is typed into the model's value, or null — then the text stays in the field
 * with the reason beside it, and nothing is passed on.
 */
export function DraftTextField({ label, value, parse, problemText, onCommit, helperText, problem, placeholder, testId, sx }: {
  label: string;
  value: string;
  parse(text: string): string | null;
  problemText: string;
  onCommit(value: string): void;
  helperText?: string;
  /** a finding about the committed value */
  problem?: string | null;
  placeholder?: string;
  testId?: string;
  sx?: SxProps<Theme>;
}) {
  const [draft, setDraft] = useState({ text: value, committed: value });
  let current = draft;
  if (draft.committed !== value) {
    current = { text: value, committed: value };
    setDraft(current);
  }
  const isFine = parse(current.text) !== null;
  return (
    <TextField
      size="small"
      label={label}
      value={current.text}
      placeholder={placeholder}
      onChange={(event) => {
        const text = event.target.value;
        const parsed = parse(text);
        if (parsed !== null && parsed !== value) {
          setDraft({ text, committed: parsed });
          onCommit(parsed);
        } else {
          setDraft({ text, committed: value });
        }
      }}
      error={!isFine || Boolean(problem)}
      helperText={!isFine ? problemText : (problem ?? helperText ?? ' ')}
      sx={sx}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': testId, inputMode: 'numeric' } }}
    />
  );
}

/** A local time of day 'HH:mm' ('9:30' and '0930' are read too). */
export function TimeField({ label, value, onCommit, testId, sx }: { label: string; value: string; onCommit(value: string): void; testId?: string; sx?: SxProps<Theme> }) {
  const { t } = useTranslation();
  return <DraftTextField label={label} value={value} parse={parseLocalTime} placeholder="09:30" problemText={t('inspector.problems.time')} onCommit={onCommit} testId={testId} sx={sx ?? { width: 120 }} />;
}
