import { UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Drawer, Space, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { ACTION_STEPS, PROOF_EXTENSIONS, PROOF_MAX_BYTES, proofFileProblem, type SupervisionAction } from '../../../electron/core/conventions';
import { errorMessage, reasonMessage } from '../../app/error-message';
import { useLoaded } from '../../app/use-loaded';
import { toBase64 } from '../../app/file-base64';
import { useCore } from '../../stores/core-store';
import { LicenseAnswer, LicenseDialog, QueryLicenseButton, type LicenseAnswerShown } from './LicenseDialog';
import { NoteDialog, type NoteRequest } from './NoteDialog';
import { DeadlineNote, FlowFields, FlowSteps, FlowTimeline, ProofFiles } from './FlowParts';

type Detail = MethodOutput<'supervision.get'>;
type Flow = Detail['flow'];
type ActionOpen = Detail['actions'][number];

const ACCEPT = PROOF_EXTENSIONS.map((e) => `.${e}`).join(',');

/**
 * One 服务监管 flow: every field, its steps (the current one highlighted), the completion deadline,
 * the timeline of who did what, the proof files, and the actions open now. On the act path actions
 * are queued and sent to the source; on the local path (the real KooGallery, or a flow started here)
 * the seller does them in Seller Center and records them here, with the customer's and Huawei
 * Cloud's steps.
 */
export function SupervisionDrawer({
  flowId,
  onClose,
  onChanged,
  onOpenOrder,
}: {
  flowId: string;
  onClose: () => void;
  onChanged: () => void;
  onOpenOrder: (orderId: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [note, setNote] = useState<NoteRequest | null>(null);
  const [licenseOpen, setLicenseOpen] = useState(false);
  const [answer, setAnswer] = useState<LicenseAnswerShown | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: detail, problem, load } = useLoaded((c) => c.call('supervision.get', { flowId }), flowId);

  const changed = () => {
    load();
    onChanged();
  };
  /** An action taken: where it went (sent, waiting offline, recorded) in a toast, then the flow again. */
  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await run();
      if (detail?.path === 'local') void message.success(t('supervision.delivery.recorded', { done }));
      else {
        const { sent, waiting } = await client!.call('supervision.flushActions', {});
        void message.success(deliveryText(done, sent, waiting));
      }
      changed();
      return true;
    } catch (error) {
      void message.error(errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const deliveryText = (done: string, sent: number, waiting: number) => {
    if (waiting === 0) return t('supervision.delivery.sent', { done, count: sent });
    return useCore.getState().status?.connectivity.state === 'online'
      ? t('supervision.delivery.willRetry', { done })
      : t('supervision.delivery.offline', { done });
  };

  const upload = async (file: File) => {
    const problemOf = proofFileProblem(file.name, file.size);
    // the core decides; a file it would refuse is not read into memory first (same wording as the core's)
    if (problemOf) {
      void message.error(reasonMessage(`supervision.${problemOf.reason}`, problemOf.params));
      return;
    }
    const contentBase64 = await toBase64(file);
    await act(
      () => client!.call('supervision.uploadProof', { flowId, fileName: file.name, contentBase64 }),
      t('supervision.uploaded', { fileName: file.name }),
    );
  };

  const flow = detail?.flow;
  return (
    <Drawer
      open
      size={720}
      title={flow ? t('supervision.drawerTitle', { orderId: flow.orderId, flowType: t(`vocab.supervisionFlowType.${flow.flowType}`) }) : flowId}
      onClose={onClose}
      data-testid="supervision-drawer"
    >
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      {detail && flow && (
        <div className="sv-drawer" data-step={flow.step} data-status={flow.status} data-path={detail.path}>
          <DeadlineNote flow={flow} timeZone={timeZone} />
          {detail.path === 'local' && flow.status !== 'completed' && (
            <Alert type="info" showIcon data-testid="supervision-local-note" message={t('supervision.localNote')} />
          )}
          <FlowFields flow={flow} timeZone={timeZone} onOpenOrder={onOpenOrder} />
          <Typography.Title level={5}>{t('supervision.steps')}</Typography.Title>
          <FlowSteps detail={detail} />
          {flow.status === 'appealing' && <Alert type="warning" showIcon data-testid="supervision-appealing" message={t('supervision.appealingNote')} />}
          {flow.status === 'in_progress' && (
            <>
              <Typography.Title level={5}>{t('supervision.actionsTitle')}</Typography.Title>
              <Space wrap data-testid="supervision-actions">
                {actionsShown(detail).map((a) => (
                  <ActionButton
                    key={a.action}
                    action={a}
                    flow={flow}
                    busy={busy}
                    onClick={() => {
                      if (a.action === 'activate_license') setLicenseOpen(true);
                      else if (a.action === 'deliver') setNote({ kind: 'deliver', required: true });
                      else if (a.action === 'appeal') setNote({ kind: 'appeal', required: true });
                      else if (a.action === 'confirm_requirement') setNote({ kind: 'confirmRequirement', required: false });
                      else if (a.action === 'confirm_complete') setNote({ kind: 'confirmComplete', required: false });
                    }}
                    onUpload={upload}
                  />
                ))}
                {flow.licenseCode && <QueryLicenseButton license={flow.licenseCode} onAnswer={(output) => setAnswer({ kind: 'query', output })} />}
              </Space>
              <AppealNote detail={detail} />
              {detail.path === 'local' && flow.turn !== null && flow.turn !== 'seller' && (
                <RecordStep turn={flow.turn} busy={busy} onRecord={(kind) => setNote({ kind, required: false })} />
              )}
            </>
          )}
          {flow.status !== 'in_progress' && flow.licenseCode && (
            <div>
              <QueryLicenseButton license={flow.licenseCode} onAnswer={(output) => setAnswer({ kind: 'query', output })} />
            </div>
          )}
          {answer && <LicenseAnswer answer={answer} timeZone={timeZone} onClose={() => setAnswer(null)} />}
          <Typography.Title level={5}>{t('supervision.files')}</Typography.Title>
          <ProofFiles files={detail.files} timeZone={timeZone} />
          <Typography.Title level={5}>{t('supervision.timeline')}</Typography.Title>
          <FlowTimeline events={detail.timeline} timeZone={timeZone} />
        </div>
      )}
      {flow && licenseOpen && (
        <LicenseDialog
          flow={flow}
          onClose={() => setLicenseOpen(false)}
          onAnswered={(output) => {
            setLicenseOpen(false);
            setAnswer({ kind: 'activate', output });
            changed();
          }}
        />
      )}
      {flow && note && (
        <NoteDialog
          request={note}
          onClose={() => setNote(null)}
          onSubmit={async (text) => {
            const ok = await act(() => submitNote(client!, flowId, note, text), t(`supervision.notes.${note.kind}.done`));
            if (ok) setNote(null);
          }}
        />
      )}
    </Drawer>
  );
}

type Client = NonNullable<ReturnType<typeof useCore.getState>['client']>;

function submitNote(client: Client, flowId: string, request: NoteRequest, text: string): Promise<unknown> {
  const note = text.trim() ? { note: text.trim() } : {};
  switch (request.kind) {
    case 'deliver':
      return client.call('supervision.deliver', { flowId, note: text.trim() });
    case 'appeal':
      return client.call('supervision.appeal', { flowId, note: text.trim() });
    case 'confirmRequirement':
      return client.call('supervision.confirmRequirement', { flowId, ...note });
    case 'confirmComplete':
      return client.call('supervision.confirmComplete', { flowId, ...note });
    case 'customerRejected':
      return client.call('supervision.recordStep', { flowId, outcome: 'rejected', ...note });
    case 'customerPassed':
    case 'huaweiPassed':
      return client.call('supervision.recordStep', { flowId, outcome: 'passed', ...note });
  }
}

/** The actions this flow type ever takes (申诉 always): open ones enabled, the others disabled with why. */
function actionsShown(detail: Detail): ActionOpen[] {
  return detail.actions.filter((a) => a.action === 'appeal' || a.open || ACTION_STEPS[a.action].some((step) => detail.steps.includes(step)));
}

function ActionButton({
  action,
  flow,
  busy,
  onClick,
  onUpload,
}: {
  action: ActionOpen;
  flow: Flow;
  busy: boolean;
  onClick: () => void;
  onUpload: (file: File) => Promise<void>;
}) {
  const { t } = useTranslation();
  const why = action.open || !action.reason ? null : reasonMessage(action.reason, reasonParams(flow, action.action));
  const label = t(`vocab.supervisionAction.${action.action}`);
  const testId = `supervision-action-${action.action}`;
  const button =
    action.action === 'upload_proof' ? (
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        disabled={!action.open || busy}
        beforeUpload={(file) => {
          void onUpload(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button
          icon={<UploadOutlined />}
          type={action.open ? 'primary' : 'default'}
          disabled={!action.open || busy}
          data-testid={testId}
          data-open={action.open}
        >
          {label}
        </Button>
      </Upload>
    ) : (
      <Button
        type={action.open && action.action !== 'appeal' ? 'primary' : 'default'}
        danger={action.action === 'appeal'}
        disabled={!action.open || busy}
        onClick={onClick}
        data-testid={testId}
        data-open={action.open}
      >
        {label}
      </Button>
    );
  const hint =
    action.action === 'upload_proof' && action.open
      ? t('supervision.uploadHint', { types: PROOF_EXTENSIONS.join('、'), maxMb: PROOF_MAX_BYTES / 1024 / 1024 })
      : why;
  return hint ? <Tooltip title={hint}>{button}</Tooltip> : button;
}

/** What the core's reasons are worded with: the flow's step and status, the action and the steps it is taken at. */
function reasonParams(flow: Flow, action: SupervisionAction): Record<string, string | number> {
  const expected = action === 'appeal' ? '' : ACTION_STEPS[action].join(',');
  return { flowId: flow.flowId, step: flow.step, status: flow.status, action, expected, rejections: flow.rejections };
}

/** 申诉: which condition holds, or why it is not open yet. */
function AppealNote({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const { flow } = detail;
  if (flow.appealGrounds.length > 0) {
    const grounds = flow.appealGrounds.map((g) => t(`supervision.appealGrounds.${g}`)).join('；');
    return <Alert type="warning" showIcon data-testid="appeal-grounds" message={t('supervision.appealOpen', { grounds })} />;
  }
  const appeal = detail.actions.find((a) => a.action === 'appeal');
  if (!appeal?.reason || flow.status !== 'in_progress') return null;
  return (
    <Typography.Text type="secondary" data-testid="appeal-closed">
      {t('supervision.appealClosed', { reason: reasonMessage(appeal.reason, reasonParams(flow, 'appeal')) })}
    </Typography.Text>
  );
}

/** The local path: the customer's or Huawei Cloud's step, as the seller saw it in Seller Center. */
function RecordStep({ turn, busy, onRecord }: { turn: 'customer' | 'huawei'; busy: boolean; onRecord: (kind: NoteRequest['kind']) => void }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Typography.Text type="secondary">{t('supervision.record.prompt', { who: t(`vocab.supervisionTurn.${turn}`) })}</Typography.Text>
      <Button disabled={busy} onClick={() => onRecord(turn === 'customer' ? 'customerPassed' : 'huaweiPassed')} data-testid="supervision-record-passed">
        {t(`supervision.notes.${turn}Passed.title`)}
      </Button>
      {turn === 'customer' && (
        <Button danger disabled={busy} onClick={() => onRecord('customerRejected')} data-testid="supervision-record-rejected">
          {t('supervision.notes.customerRejected.title')}
        </Button>
      )}
    </Space>
  );
}
