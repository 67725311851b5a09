import { View } from '@tarojs/components';
import './index.scss';

export interface ProgressBarProps {
  /** Whole percent; above 100 is drawn full. */
  percent: number;
  /** From 80% the bar turns amber, at 100% red: the same threshold as the budget warning. */
  warnAt?: number;
}

/** How much of a budget is used, as a thick bar a person reads at a glance. */
export function ProgressBar({ percent, warnAt = 80 }: ProgressBarProps) {
  const width = Math.max(0, Math.min(100, percent));
  const tone = percent >= 100 ? 'full' : percent >= warnAt ? 'warn' : 'ok';
  return (
    <View className='a-progress' ariaRole='progressbar' ariaLabel={`已使用 ${percent}%`}>
      <View className={`a-progress__fill a-progress__fill--${tone}`} style={{ width: `${width}%` }} />
    </View>
  );
}
