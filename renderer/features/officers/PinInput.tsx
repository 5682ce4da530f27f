// The one way a PIN is typed: hidden, digits only (anything else is dropped as it is typed),
// a number pad on touch screens, never remembered by the browser.
import type { ComponentProps } from 'react';
import { PIN_MAX_DIGITS } from '../../../shared/workflow/roles';

type PinInputProps = Omit<
  ComponentProps<'input'>,
  'type' | 'inputMode' | 'autoComplete' | 'maxLength' | 'onChange' | 'value'
> & {
  value: string;
  onDigits: (digits: string) => void;
};

export function PinInput({ onDigits, ...props }: PinInputProps) {
  return (
    <input
      {...props}
      type="password"
      inputMode="numeric"
      autoComplete="off"
      maxLength={PIN_MAX_DIGITS}
      onChange={(event) => onDigits(event.target.value.replace(/\D/g, ''))}
    />
  );
}
