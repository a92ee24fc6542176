import { Button, Progress, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../stores/core-store';

export interface JobProgressState {
  done: number;
  total: number | null;
  rate: number | null;
  etaMs: number | null;
}

/** The latest progress event of one job (sync, import, export), or null before the first one. */
export function useJobProgress(jobId: string | null): JobProgressState | null {
  const client = useCore((s) => s.client);
  // kept with its job, so a new job id shows nothing until its own first event
  const [latest, setLatest] = useState<{ jobId: string; progress: JobProgressState } | null>(null);
  useEffect(() => {
    if (!client || !jobId) return;
    return client.subscribe((event) => {
      if (event.type === 'progress' && event.jobId === jobId)
        setLatest({ jobId, progress: { done: event.done, total: event.total, rate: event.ratePerSecond, etaMs: event.etaMs } });
    });
  }, [client, jobId]);
  return latest && latest.jobId === jobId ? latest.progress : null;
}

function etaText(ms: number, t: (key: string, values: Record<string, number>) => string): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? t('jobs.etaSeconds', { seconds }) : t('jobs.etaMinutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

/** A running job: bar (when the total is known), rows, rate, time left, and a cancel button. */
export function JobProgressLine({ progress, onCancel, testId }: { progress: JobProgressState | null; onCancel: () => void; testId?: string }) {
  const { t } = useTranslation();
  const done = progress?.done ?? 0;
  const rate = Math.round(progress?.rate ?? 0);
  const percent = progress?.total ? Math.round((done / progress.total) * 100) : null;
  return (
    <Space data-testid={testId}>
      {percent !== null && <Progress type="line" percent={percent} size="small" style={{ width: 160 }} />}
      <span>
        {progress?.total
          ? t('jobs.progressOfTotal', { done: done.toLocaleString(), total: progress.total.toLocaleString(), rate: rate.toLocaleString() })
          : t('jobs.progress', { done: done.toLocaleString(), rate: rate.toLocaleString() })}
        {percent !== null && progress?.etaMs != null && progress.etaMs > 0 && ` · ${etaText(progress.etaMs, t)}`}
      </span>
      <Button size="small" onClick={onCancel} data-testid={testId && `${testId}-cancel`}>
        {t('review.cancel')}
      </Button>
    </Space>
  );
}
