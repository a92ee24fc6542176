import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../app/format-time';
import { useCore } from '../../stores/core-store';
import { actualShown, byteSize, CHECK_NAMES, checkName, checkSummary, expectedShown, failedCheck, type BackendCheck, type UsageCheck } from './check-text';

/**
 * A backend check as the seller reads it: passed or the check that failed, every check with ✓ / ✗
 * (those after a failure were not run), for a failure what was expected and what came back, and the
 * answer itself — status, content type, size, timings and the first 2 KB of its body.
 */
export function CheckResult({ result, testId = 'agents-check-result' }: { result: BackendCheck; testId?: string }) {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const failed = failedCheck(result);
  return (
    <div className="agents-result" data-testid={testId} data-passed={result.passed} data-failed={failed?.name ?? ''}>
      <Alert
        type={result.passed ? 'success' : 'error'}
        showIcon
        data-testid="agents-check-verdict"
        message={result.passed ? t('agents.checker.passed') : t('agents.checker.failed', { check: failed ? checkName(failed.name, t) : '' })}
        description={
          <span className="agents-result-meta">
            <span translate="no">{result.url}</span>
            <span>{t('agents.checker.at', { time: formatTime(result.at, timeZone) })}</span>
          </span>
        }
      />
      {result.warning === 'plainHttp' && <Alert type="warning" showIcon data-testid="agents-plain-http" message={t('agents.plainHttp')} />}
      <ul className="agents-checks">
        {CHECK_NAMES.map((name) => (
          <CheckLine key={name} name={name} check={result.checks.find((c) => c.name === name) ?? null} />
        ))}
      </ul>
      <AnswerView result={result} />
    </div>
  );
}

function CheckLine({ name, check }: { name: UsageCheck['name']; check: UsageCheck | null }) {
  const { t } = useTranslation();
  const state = check === null ? 'not-run' : check.passed ? 'passed' : 'failed';
  const icon =
    state === 'passed' ? (
      <CheckCircleFilled className="agents-ok" aria-label="✓" />
    ) : state === 'failed' ? (
      <CloseCircleFilled className="agents-bad" aria-label="✗" />
    ) : (
      <MinusCircleOutlined className="agents-skipped" />
    );
  const expectedCode = check && !check.passed ? expectedShown(check) : null;
  const actual = check && !check.passed ? actualShown(check) : null;
  return (
    <li className={`agents-check agents-check-${state}`} data-testid={`agents-check-${name}`} data-state={state}>
      <span className="agents-check-icon">{icon}</span>
      <div className="agents-check-text">
        <div>
          <strong>{checkName(name, t)}</strong>
          <span className="agents-check-summary">{check ? checkSummary(check, t) : t('agents.result.notRun')}</span>
        </div>
        {check && !check.passed && (
          <dl className="agents-check-detail">
            <dt>{t('agents.result.expected')}</dt>
            <dd>
              {t(`agents.checks.expected.${name}`)}
              {expectedCode && (
                <code translate="no" className="agents-code">
                  {expectedCode}
                </code>
              )}
            </dd>
            <dt>{t('agents.result.actual')}</dt>
            <dd>
              {actual === null ? (
                checkSummary(check, t)
              ) : (
                <code translate="no" className="agents-code" data-testid={`agents-check-${name}-actual`}>
                  {actual}
                </code>
              )}
            </dd>
          </dl>
        )}
      </div>
    </li>
  );
}

/** What came back: status, content type, size, timings, and the first 2 KB of the body. */
function AnswerView({ result }: { result: BackendCheck }) {
  const { t } = useTranslation();
  const { response, timings } = result;
  const none = t('agents.result.none');
  return (
    <div className="agents-answer" data-testid="agents-answer">
      <Typography.Text strong>{t('agents.result.response')}</Typography.Text>
      <div className="agents-answer-facts">
        <Fact label={t('agents.result.status')} testId="agents-answer-status">
          {response.status ?? none}
        </Fact>
        <Fact label={t('agents.result.contentType')} code>
          {response.contentType ?? none}
        </Fact>
        <Fact label={t('agents.result.size')}>{byteSize(response.bytes)}</Fact>
        <Fact label={t('agents.result.firstByte')}>{timings.firstByteMs === null ? none : t('agents.result.ms', { ms: timings.firstByteMs })}</Fact>
        <Fact label={t('agents.result.total')}>{t('agents.result.ms', { ms: timings.totalMs })}</Fact>
      </div>
      <Typography.Text type="secondary">{t('agents.result.body')}</Typography.Text>
      {response.bodyPreview ? (
        <pre className="agents-body" translate="no" data-testid="agents-answer-body">
          {response.bodyPreview}
        </pre>
      ) : (
        <Typography.Text type="secondary"> {t('agents.result.emptyBody')}</Typography.Text>
      )}
    </div>
  );
}

function Fact({ label, code = false, testId, children }: { label: string; code?: boolean; testId?: string; children: ReactNode }) {
  return (
    <span className="agents-fact">
      <span className="agents-fact-label">{label}</span>
      <span translate={code ? 'no' : undefined} data-testid={testId}>
        {children}
      </span>
    </span>
  );
}
