import { useState } from 'react';
import { useCall } from '@/hooks/useCall';
import { useDownload } from '@/hooks/useDownload';
import { statsPayload, type MonthChoice } from '../stats';

/** 关爱统计: the figures of a year month by month, or of one month (`care.stats`), and that period's cases as Excel (`care.export`). */
export function useStats(initialYear: number) {
  const [year, setYear] = useState(initialYear);
  const [month, setMonth] = useState<MonthChoice>('all');
  const payload = statsPayload(year, month);
  const figures = useCall('care', 'stats', { payload, reloadOnShow: true });
  const exporter = useDownload('care', 'export');
  return { year, setYear, month, setMonth, figures, exporter, download: () => void exporter.download(payload) };
}
