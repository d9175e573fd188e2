import { Box, TextField, type TextFieldProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useFormat } from './format';

/**
 * A text field with a length limit the user sees while typing: typing stops at `maxLength`
 * (pasting is cut there by the browser), a counter shows how much is left near the end, and a
 * longer value given from outside (a copy's name) is marked at once, not only when submitted.
 * `isTooLong(value)` tells a form whether to refuse it.
 */
export function LimitedTextField({ maxLength, value, helperText, error, slotProps, ...props }: Omit<TextFieldProps, 'value'> & { maxLength: number; value: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isOver = value.length > maxLength;
  const isNear = value.length >= maxLength * 0.8;
  const message = isOver ? t('errors.tooLong', { max: format.count(maxLength) }) : helperText;
  return (
    <TextField
      {...props}
      value={value}
      error={Boolean(error) || isOver}
      helperText={
        <Box component="span" sx={{ display: 'flex', gap: 1, justifyContent: 'space-between' }}>
          <span>{message ?? ' '}</span>
          {(isNear || isOver) && <span data-testid="length-counter">{`${format.count(value.length)} / ${format.count(maxLength)}`}</span>}
        </Box>
      }
      slotProps={{ ...slotProps, htmlInput: { ...(slotProps?.htmlInput as object), maxLength } }}
    />
  );
}

export function isTooLong(value: string, maxLength: number): boolean {
  return value.length > maxLength;
}
