import { Box, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { CHANNEL_CONTACT } from '../../../domain/chains/channels';
import type { PreviewField, RenderedMessage } from '../../../domain/chains/messagePreview';
import type { MessageChannel } from '../../../domain/chains/types';
import type { Customer } from '../../../domain/model';

/**
 * A rendered message in its channel's look: an email with its subject line, an SMS or a
 * messenger bubble with its length, a push notification, an in-app card. Every piece of customer
 * text goes in as a React text node — escaped, never parsed as HTML.
 */
const BUBBLE_COLORS: Partial<Record<MessageChannel, string>> = { sms: '#e9e9ee', whatsapp: '#dcf8c6', telegram: '#e3f0fb' };

function Body({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="preview-body">
      {text || t('inspector.preview.emptyText')}
    </Typography>
  );
}

function Recipient({ channel, customer }: { channel: MessageChannel; customer: Customer }) {
  const { t } = useTranslation();
  const contactField = CHANNEL_CONTACT[channel];
  const contact = contactField ? customer[contactField] : undefined;
  if (!contactField) return null;
  return (
    <Typography variant="caption" color="text.secondary" component="div" data-testid="preview-recipient">
      {t('inspector.preview.to')}: {contact || t('inspector.preview.noContact')}
    </Typography>
  );
}

function FieldsList({ fields }: { fields: readonly PreviewField[] }) {
  const { t } = useTranslation();
  if (!fields.length) return null;
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1.5, rowGap: 0.25 }} data-testid="preview-fields" aria-label={t('inspector.preview.fields')}>
      {fields.map((field) => (
        <Box key={field.field} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="caption" sx={{ fontFamily: 'monospace' }} data-value>{`{{${field.field}}}`}</Typography>
          <Typography component="dd" variant="caption" sx={{ m: 0, overflowWrap: 'anywhere' }} color={field.shown === 'nothing' ? 'warning.dark' : 'text.primary'}>
            {(field.shown === 'value' || field.shown === 'offer') && field.value}
            {field.shown === 'fallback' && field.fallback}
            {' '}
            <Box component="span" sx={{ color: field.shown === 'nothing' ? 'warning.dark' : 'text.secondary' }}>({t(`inspector.preview.shown.${field.shown}`)})</Box>
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

export function MessageLook({ channel, message, customer }: { channel: MessageChannel; message: RenderedMessage; customer: Customer }) {
  const { t } = useTranslation();
  const bubble = BUBBLE_COLORS[channel];
  return (
    <Stack sx={{ gap: 1 }} data-testid="preview-message" data-channel={channel}>
      <Recipient channel={channel} customer={customer} />
      {channel === 'email' && (
        <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
          <Box sx={{ px: 1.5, py: 1, bgcolor: 'action.hover', borderBottom: 1, borderColor: 'divider' }}>
            <Typography variant="caption" color="text.secondary">{t('inspector.preview.subject')}</Typography>
            <Typography variant="subtitle2" sx={{ overflowWrap: 'anywhere' }} data-testid="preview-subject">{message.subject || t('inspector.preview.emptyText')}</Typography>
          </Box>
          <Box sx={{ p: 1.5 }}>
            <Body text={message.body} />
          </Box>
        </Paper>
      )}
      {(channel === 'push' || channel === 'in_app') && (
        <Paper elevation={3} sx={{ p: 1.5, borderRadius: channel === 'push' ? 3 : 1 }}>
          <Typography variant="subtitle2" sx={{ overflowWrap: 'anywhere' }} data-testid="preview-subject">{message.subject || t('inspector.preview.emptyText')}</Typography>
          <Body text={message.body} />
        </Paper>
      )}
      {bubble && (
        <Box sx={{ alignSelf: 'flex-start', maxWidth: '90%', bgcolor: bubble, color: '#1a1a1a', borderRadius: 3, borderBottomLeftRadius: 4, px: 1.5, py: 1 }}>
          <Body text={message.body} />
        </Box>
      )}
      {channel === 'sms' && (
        <Typography variant="caption" color="text.secondary" data-testid="preview-sms-parts">
          {t('inspector.message.smsLength', { length: message.bodyLength, parts: message.smsParts })}
        </Typography>
      )}
      <FieldsList fields={message.fields} />
    </Stack>
  );
}
