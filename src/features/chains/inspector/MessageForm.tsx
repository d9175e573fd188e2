import { Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasSubject } from '../../../domain/chains/channels';
import { OFFER_FIELDS } from '../../../domain/chains/messageText';
import { MAX_SUBJECT_LENGTH, smsParts } from '../../../domain/chains/nodes/message';
import { MAX_TEXT_LENGTH } from '../../../domain/chains/schemaParts';
import { MESSAGE_CHANNELS, type MessageChannel, type MessageNode } from '../../../domain/chains/types';
import { useLanguage } from '../../../ui/useLanguage';
import { issueText, issuesUnder } from '../../conditions/conditionEdit';
import { NamePicker } from '../../conditions/NamePickers';
import { fieldOptions, type NameOption } from '../../conditions/options';
import type { NodeFormProps } from './formTypes';
import { MessageOptions } from './MessageOptions';
import { fieldToken, insertAt, withChannel } from './messageEdits';

type TextKey = 'subject' | 'body';

function isChannel(value: string): value is MessageChannel {
  return (MESSAGE_CHANNELS as readonly string[]).includes(value);
}

/** Picks a field and a fallback and puts `{{field|fallback}}` at the caret of the subject or the text. */
function FieldInserter({ options, onInsert, testId }: { options: NameOption[]; onInsert(token: string): void; testId: string }) {
  const { t } = useTranslation();
  const [field, setField] = useState('firstName');
  const [fallback, setFallback] = useState('');
  return (
    <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1, m: 0, display: 'flex', flexDirection: 'column', gap: 1 }} data-testid={`${testId}-insert`}>
      <Typography component="legend" variant="caption" color="text.secondary" sx={{ px: 0.5 }}>{t('inspector.message.insertTitle')}</Typography>
      <NamePicker label={t('inspector.message.field')} options={options} countOf="customers" value={field} onChange={setField} testId={`${testId}-insert-field`} />
      <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
        <TextField size="small" label={t('inspector.message.fallback')} value={fallback} onChange={(event) => setFallback(event.target.value.replace(/[{}|]/g, ''))} helperText={t('inspector.message.fallbackHelp')} sx={{ flex: 1 }} slotProps={{ htmlInput: { maxLength: 100, 'data-testid': `${testId}-insert-fallback` } }} />
        <Button variant="outlined" size="small" disabled={!field} onClick={() => onInsert(fieldToken(field, fallback))} sx={{ mt: 0.25 }} data-testid={`${testId}-insert-button`}>
          {t('inspector.message.insert')}
        </Button>
      </Stack>
    </Box>
  );
}

/** Channel, subject and text with fields, then offer, cost, response assumptions and suppression. */
export function MessageForm(props: NodeFormProps<MessageNode>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { node, change, vocabulary, names, issues, testId } = props;
  const subjectInput = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const bodyInput = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const lastFocused = useRef<TextKey>('body');
  const withSubjectLine = hasSubject(node.channel);
  const setText = (key: TextKey, text: string) => change({ ...node, content: { ...node.content, [key]: text } }, { coalesceKey: `content.${key}` });
  function insert(token: string): void {
    const key: TextKey = withSubjectLine ? lastFocused.current : 'body';
    const element = key === 'subject' ? subjectInput.current : bodyInput.current;
    const text = node.content[key];
    const { text: next, caret } = insertAt(text, element?.selectionStart ?? text.length, element?.selectionEnd ?? text.length, token);
    change({ ...node, content: { ...node.content, [key]: next } });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(caret, caret);
    });
  }
  const offerOptions: NameOption[] = OFFER_FIELDS.map((field) => ({ value: field, label: field, count: null, isInData: true }));
  const sms = node.channel === 'sms' ? { length: [...node.content.body].length, parts: smsParts(node.content.body) } : null;
  const bodyProblem = issueText(issuesUnder(issues, 'content.body'), language);
  return (
    <Stack sx={{ gap: 1.5 }}>
      <TextField
        select
        size="small"
        label={t('inspector.message.channel')}
        value={node.channel ?? ''}
        onChange={(event) => isChannel(event.target.value) && change(withChannel(node, event.target.value))}
        error={!node.channel}
        helperText={issueText(issuesUnder(issues, 'channel'), language) ?? ' '}
        slotProps={{ htmlInput: { 'data-testid': `${testId}-channel` }, select: { displayEmpty: true } }}
      >
        {!node.channel && <MenuItem value="" disabled>{t('inspector.message.noChannel')}</MenuItem>}
        {MESSAGE_CHANNELS.map((channel) => (
          <MenuItem key={channel} value={channel}>{t(`inspector.message.channels.${channel}`)}</MenuItem>
        ))}
      </TextField>
      {withSubjectLine && (
        <TextField
          size="small"
          label={t(node.channel === 'email' ? 'inspector.message.subject' : 'inspector.message.title')}
          value={node.content.subject}
          inputRef={subjectInput}
          onFocus={() => (lastFocused.current = 'subject')}
          onChange={(event) => setText('subject', event.target.value)}
          error={issuesUnder(issues, 'content.subject').some((issue) => issue.severity === 'error')}
          helperText={issueText(issuesUnder(issues, 'content.subject'), language) ?? ' '}
          slotProps={{ htmlInput: { maxLength: MAX_SUBJECT_LENGTH, 'data-testid': `${testId}-subject`, 'data-value': true } }}
        />
      )}
      <TextField
        size="small"
        multiline
        minRows={4}
        maxRows={14}
        label={t('inspector.message.body')}
        value={node.content.body}
        inputRef={bodyInput}
        onFocus={() => (lastFocused.current = 'body')}
        onChange={(event) => setText('body', event.target.value)}
        error={issuesUnder(issues, 'content.body').some((issue) => issue.severity === 'error')}
        helperText={[sms ? t('inspector.message.smsLength', { length: sms.length, parts: sms.parts }) : null, bodyProblem].filter(Boolean).join(' · ') || ' '}
        slotProps={{ htmlInput: { maxLength: MAX_TEXT_LENGTH, 'data-testid': `${testId}-body`, 'data-value': true } }}
      />
      <FieldInserter options={[...fieldOptions(vocabulary, [], { names, language }), ...offerOptions]} onInsert={insert} testId={testId} />
      <MessageOptions {...props} />
    </Stack>
  );
}
