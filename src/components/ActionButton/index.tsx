import { View } from '@tarojs/components';
import './index.scss';

export interface ActionButtonProps {
  text: string;
  /** A second line in smaller type, e.g. the OPENID under a demo account's name. */
  note?: string;
  kind?: 'primary' | 'secondary';
  disabled?: boolean;
  onClick: () => void;
}

/**
 * A full-width button at least 96 design px high. Built on View rather than Taro's Button so it looks the same in
 * WeChat and H5 (the native button brings its own border and padding on each platform).
 */
export function ActionButton({ text, note, kind = 'primary', disabled = false, onClick }: ActionButtonProps) {
  const className = `u-button u-button--${kind}${disabled ? ' u-button--disabled' : ''}`;
  return (
    <View
      className={className}
      hoverClass={disabled ? 'none' : 'u-button--pressed'}
      ariaRole='button'
      ariaLabel={note ? `${text} ${note}` : text}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      <View className='u-button__text'>{text}</View>
      {note && <View className='u-button__note'>{note}</View>}
    </View>
  );
}
