// An amount typed in 万元 (or 元) as a decimal string: converted to integer fen exactly by utils/money.
import { Input } from 'antd';
import type { InputProps } from 'antd';

interface Props extends Omit<InputProps, 'value' | 'onChange'> {
  value?: string;
  onChange?: (value: string) => void;
  unit: string;
}

export default function MoneyInput({ value, onChange, unit, ...rest }: Props) {
  return (
    <Input
      {...rest}
      value={value ?? ''}
      onChange={(e) => onChange?.(e.target.value)}
      inputMode="decimal"
      autoComplete="off"
      suffix={unit}
    />
  );
}
