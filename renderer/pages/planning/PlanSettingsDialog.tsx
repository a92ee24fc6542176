import { Alert, App as AntApp, Badge, Button, Collapse, Empty, Form, InputNumber, Modal, Space, Spin, Typography } from 'antd';
import { Fragment, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CoreCallError, type FieldIssue, type MethodInput, type MethodOutput } from '../../../electron/core/contract';
import { planningYears } from '../../../electron/core/conventions';
import { errorMessage, reasonText } from '../../app/error-message';
import { coreNow } from '../../app/use-now';
import { useCore } from '../../stores/core-store';
import { fenOfYuan } from '../offers/offer-format';
import { useSalesPath } from '../offers/SalesParts';

type PlanRow = MethodOutput<'planning.page'>['rows'][number];
type PlanYear = PlanRow['years'][number];

/** A product in the form, with the values it starts with. */
export interface PlanItem {
  productId: string;
  productName: string;
  years: PlanYear[];
}

/**
 * What the dialog edits: every product still 待填写 (商业规划设置), one product (单商品设置), or the
 * plans read from a file.
 */
export type PlanSettingsStart = { kind: 'toFill' } | { kind: 'single'; item: PlanItem } | { kind: 'file'; items: PlanItem[] };

/** The form's values: per product, per year (by index), GMV in yuan and the number of projects. */
type Cell = { gmv?: number | null; projects?: number | null };
type Values = { plans: Record<string, Cell[]> };

/** The core's issues, placed where they belong: on a product, on a year, or on one cell. */
interface PlacedIssues {
  count: number;
  byProduct: Record<string, { product: string[]; years: Record<number, string[]>; cells: Record<string, string> }>;
  other: string[];
}

/**
 * 商业规划设置 and 单商品设置: each product with GMV (元, ≥ 0, two decimals) and 项目数 (a whole number
 * ≥ 0) for 当年, 次年 and 后年 — the years of the core's clock. Products with anything filled are
 * submitted together with planning.submit; the answer's message is shown as it is
 * (修改商业规划提交成功,请等待审批). When the core refuses (nothing is saved), each problem shows next to
 * its product and year.
 */
export function PlanSettingsDialog({ start, onClose, onSubmitted }: { start: PlanSettingsStart; onClose: () => void; onSubmitted: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const path = useSalesPath();
  const years = useMemo(() => planningYears(coreNow()), []);
  const items = usePlanItems(start);
  const [form] = Form.useForm<Values>();
  const [issues, setIssues] = useState<PlacedIssues | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // the first product open until the seller opens or closes one (several can be open at once)
  const [opened, setOpen] = useState<string[] | null>(null);
  const open = opened ?? items?.slice(0, 1).map((item) => item.productId) ?? [];
  const values = Form.useWatch('plans', form) as Values['plans'] | undefined;

  useEffect(() => {
    if (!items) return;
    form.setFieldsValue({ plans: Object.fromEntries(items.map((item) => [item.productId, cellsOf(item, years)])) });
  }, [items, years, form]);

  const submit = async () => {
    if (!items) return;
    const all = (form.getFieldsValue(true) as Values).plans ?? {};
    const filled = items.filter((item) => (all[item.productId] ?? []).some((c) => isSet(c?.gmv) || isSet(c?.projects)));
    if (filled.length === 0) {
      setError(t('planning.nothingFilled'));
      return;
    }
    const plans: MethodInput<'planning.submit'>['plans'] = filled.map((item) => ({
      productId: item.productId,
      years: years.map((year, i) => {
        const cell = all[item.productId]?.[i] ?? {};
        return { year, gmvFen: isSet(cell.gmv) ? fenOfYuan(cell.gmv) : null, projects: isSet(cell.projects) ? cell.projects : null };
      }),
    }));
    setError(null);
    setIssues(null);
    setSending(true);
    try {
      const answer = await client!.call('planning.submit', { plans });
      // the core's words, exactly as Seller Center shows them
      void message.success({ content: answer.message, key: 'planning-submitted' });
      if (path === 'local') void message.info(t('sales.delivery.local', { done: t('planning.settings') }));
      onSubmitted();
    } catch (e) {
      if (e instanceof CoreCallError && e.code === 'VALIDATION' && e.issues?.length) {
        const placed = placeIssues(e.issues, plans, years);
        setIssues(placed);
        setOpen([...new Set([...open, ...Object.keys(placed.byProduct)])]);
      } else setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  const single = start.kind === 'single';
  const title = single ? t('planning.singleTitle', { name: start.item.productName }) : t('planning.settings');
  const panel = (item: PlanItem) => <YearGrid item={item} years={years} issues={issues?.byProduct[item.productId]} />;
  return (
    <Modal
      open
      width={760}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      data-testid="plan-settings"
      styles={{ body: { maxHeight: 'calc(100vh - 240px)', overflowY: 'auto', paddingInlineEnd: 8 } }}
      footer={
        <Space>
          <Button onClick={onClose}>{t('sales.cancel')}</Button>
          <Button type="primary" loading={sending} disabled={!items || items.length === 0} onClick={() => void submit()} data-testid="plan-settings-ok">
            {t('planning.ok')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" component="div">
        {!items ? (
          <div style={{ textAlign: 'center', padding: 24 }}>
            <Spin />
          </div>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('planning.toFillNone')} />
        ) : (
          <div className="sales-drawer">
            {start.kind === 'toFill' && <Alert type="info" showIcon message={t('planning.toFillCount', { count: items.length })} />}
            {start.kind === 'file' && <Alert type="success" showIcon message={t('planning.readFile.loaded', { count: items.length })} />}
            {issues && (
              <Alert
                type="error"
                showIcon
                data-testid="plan-issues"
                message={t('planning.invalid', { count: issues.count })}
                description={issues.other.length > 0 ? issues.other.join('；') : undefined}
              />
            )}
            {single ? (
              panel(items[0]!)
            ) : (
              <Collapse
                size="small"
                activeKey={open}
                onChange={(keys) => setOpen(keys)}
                items={items.map((item) => {
                  const cells = values?.[item.productId] ?? [];
                  const filled = cells.filter((c) => isSet(c?.gmv) && isSet(c?.projects)).length;
                  const started = cells.some((c) => isSet(c?.gmv) || isSet(c?.projects));
                  const problems = issues?.byProduct[item.productId];
                  return {
                    key: item.productId,
                    forceRender: true,
                    label: (
                      <span data-testid={`plan-panel-${item.productId}`}>
                        {item.productName}
                        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                          {started ? t('planning.filledOf', { filled, total: years.length }) : t('planning.notFilled')}
                        </Typography.Text>
                      </span>
                    ),
                    extra: problems ? <Badge status="error" /> : null,
                    children: panel(item),
                  };
                })}
              />
            )}
          </div>
        )}
      </Form>
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} data-testid="plan-settings-error" />}
    </Modal>
  );
}

/** One product's three years: 当年 / 次年 / 后年 (with their numbers), GMV(元) and 项目数, each problem under its cell. */
function YearGrid({ item, years, issues }: { item: PlanItem; years: readonly number[]; issues: PlacedIssues['byProduct'][string] | undefined }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`plan-form-${item.productId}`}>
      {issues?.product.map((text) => (
        <Alert key={text} type="error" showIcon message={text} style={{ marginBottom: 8 }} />
      ))}
      <div className="plan-year-grid">
        <span className="plan-year-head">{t('planning.year')}</span>
        <span className="plan-year-head">{t('planning.gmv')}</span>
        <span className="plan-year-head">{t('planning.projects')}</span>
        {years.map((year, i) => {
          const yearIssues = issues?.years[i] ?? [];
          const gmvIssue = issues?.cells[`${i}.gmv`];
          const projectsIssue = issues?.cells[`${i}.projects`];
          return (
            <Fragment key={year}>
              <span className="plan-year-label">
                {t('planning.yearTitle', { label: t(`planning.yearLabels.${i}`), year })}
                {yearIssues.map((text) => (
                  <Typography.Text key={text} type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="plan-year-issue">
                    {text}
                  </Typography.Text>
                ))}
              </span>
              <Form.Item
                name={['plans', item.productId, i, 'gmv']}
                validateStatus={gmvIssue ? 'error' : undefined}
                help={gmvIssue ? <span data-testid="plan-cell-issue">{gmvIssue}</span> : undefined}
              >
                <InputNumber
                  min={0}
                  max={1_000_000_000_000}
                  precision={2}
                  style={{ width: '100%' }}
                  placeholder={t('planning.gmvHelp')}
                  data-testid={`plan-gmv-${item.productId}-${i}`}
                />
              </Form.Item>
              <Form.Item
                name={['plans', item.productId, i, 'projects']}
                validateStatus={projectsIssue ? 'error' : undefined}
                help={projectsIssue ? <span data-testid="plan-cell-issue">{projectsIssue}</span> : undefined}
              >
                <InputNumber
                  min={0}
                  max={1_000_000}
                  precision={0}
                  style={{ width: '100%' }}
                  placeholder={t('planning.projectsHelp')}
                  data-testid={`plan-projects-${item.productId}-${i}`}
                />
              </Form.Item>
            </Fragment>
          );
        })}
      </div>
    </div>
  );
}

/** The products the dialog edits: read from the core for 商业规划设置 (every page of 待填写), given otherwise. */
function usePlanItems(start: PlanSettingsStart): PlanItem[] | null {
  const client = useCore((s) => s.client);
  const [items, setItems] = useState<PlanItem[] | null>(start.kind === 'single' ? [start.item] : start.kind === 'file' ? start.items : null);
  useEffect(() => {
    if (start.kind !== 'toFill' || !client) return;
    let current = true;
    void (async () => {
      const all: PlanItem[] = [];
      let after: MethodInput<'planning.page'>['after'] = null;
      do {
        const page: MethodOutput<'planning.page'> = await client.call('planning.page', { filters: { approval: 'to_fill' }, limit: 500, after });
        all.push(...page.rows);
        after = page.next;
      } while (after);
      if (current) setItems(all);
    })();
    return () => {
      current = false;
    };
  }, [client, start.kind]);
  return items;
}

function cellsOf(item: PlanItem, years: readonly number[]): Cell[] {
  return years.map((year) => {
    const given = item.years.find((y) => y.year === year);
    return { gmv: given?.gmvFen == null ? null : given.gmvFen / 100, projects: given?.projects ?? null };
  });
}

function isSet(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** plans.1.years.2.gmvFen → the second plan's product, its third year, the GMV cell; plans.0.productId → the product itself. */
function placeIssues(issues: FieldIssue[], plans: MethodInput<'planning.submit'>['plans'], years: readonly number[]): PlacedIssues {
  const placed: PlacedIssues = { count: issues.length, byProduct: {}, other: [] };
  for (const issue of issues) {
    const text = reasonText(issue.reason, issue.params);
    const match = /^plans\.(\d+)(?:\.(productId|years)(?:\.(\d+)(?:\.(gmvFen|projects))?)?)?$/.exec(issue.path);
    const plan = match ? plans[Number(match[1])] : undefined;
    if (!match || !plan) {
      placed.other.push(text);
      continue;
    }
    const spot = (placed.byProduct[plan.productId] ??= { product: [], years: {}, cells: {} });
    // years.N: the Nth of 当年, 次年, 后年 — the dialog's order, the plans' order and the core's
    const yearIndex = match[3] === undefined ? null : Number(match[3]);
    if (yearIndex === null || yearIndex >= years.length) spot.product.push(text);
    else if (match[4]) spot.cells[`${yearIndex}.${match[4] === 'gmvFen' ? 'gmv' : 'projects'}`] = text;
    else (spot.years[yearIndex] ??= []).push(text);
  }
  return placed;
}
