import { DatePicker } from 'antd';
import { dayRangeInZone } from '../../app/format-time';
import { useCore } from '../../stores/core-store';

/** A from–to day range in the seller's time zone, as [from, to) epoch ms (undefined when cleared). */
export function DayRangeFilter({ onChange, testId }: { onChange: (from: number | undefined, to: number | undefined) => void; testId?: string }) {
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  return (
    <DatePicker.RangePicker
      data-testid={testId}
      onChange={(range) => {
        const { from, to } = dayRangeInZone(range?.[0], range?.[1], timeZone);
        onChange(from, to);
      }}
    />
  );
}
