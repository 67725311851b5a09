import { View } from '@tarojs/components';
import './index.scss';

export interface InlineButtonProps {
  text: string;
  kind?: 'primary' | 'secondary' | 'danger';
  disabled?: boolean;
  onClick: () => void;
}

/** A button that sits inside a row or a card (免去, 冲正, 保存): smaller than ActionButton, still 80 px high. */
export function InlineButton({ text, kind = 'secondary', disabled = false, onClick }: InlineButtonProps) {
  return (
    <View
      className={`a-ibutton a-ibutton--${kind}${disabled ? ' a-ibutton--disabled' : ''}`}
      hoverClass={disabled ? 'none' : 'a-ibutton--pressed'}
      ariaRole='button'
      ariaLabel={text}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      {text}
    </View>
  );
}
