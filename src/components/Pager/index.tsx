import { View } from '@tarojs/components';
import './index.scss';

export interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** 上一页 / 第 2 / 5 页 / 下一页: plain page turns rather than endless scrolling, so a place in a list can be found again. */
export function Pager({ page, pageSize, total, onChange }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const canPrev = page > 1;
  const canNext = page < pages;
  return (
    <View className='u-pager'>
      <View
        className={`u-pager__button${canPrev ? '' : ' u-pager__button--off'}`}
        hoverClass={canPrev ? 'u-pager__button--pressed' : 'none'}
        ariaRole='button'
        onClick={() => canPrev && onChange(page - 1)}
      >
        上一页
      </View>
      <View className='u-pager__where'>
        第 {page} / {pages} 页
      </View>
      <View
        className={`u-pager__button${canNext ? '' : ' u-pager__button--off'}`}
        hoverClass={canNext ? 'u-pager__button--pressed' : 'none'}
        ariaRole='button'
        onClick={() => canNext && onChange(page + 1)}
      >
        下一页
      </View>
    </View>
  );
}
