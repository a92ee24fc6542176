import { CheckOutlined, CloseOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Modal, Select, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { LISTING_KINDS, LISTING_STEPS, type ListingKind, type ListingStep } from '../../../electron/core/conventions';
import { useLoaded } from '../../app/use-loaded';
import { useSyncedVersion } from '../../app/use-synced-version';
import { CellTag } from '../../components/big-table/CellTag';
import { PageFrame } from '../../components/page/PageFrame';
import { SyncButton } from '../../components/SyncButton';
import '../agents/agents.css';
import { GuideCheckView, GuideUpload, type GuideCheck } from './GuideCheck';
import { kindLabel, type ListingProduct } from './listing-text';
import { ListingDrawer } from './ListingDrawer';
import './listing.css';

type Matrix = MethodOutput<'listing.matrix'>;

/**
 * 商品上架检查: the access-type matrix (海顿测试 / 联营Kit对接 / 自动化部署对接 and what each kind's
 * user guide must cover), every cached product with the steps its kind goes through and its last
 * guide check, a drawer per product (tick steps, check the guide), and a guide check by kind.
 */
export function ListingPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ListingKind | undefined>(undefined);
  const [open, setOpen] = useState<string | null>(null);
  const [checkingByKind, setCheckingByKind] = useState(false);
  const synced = useSyncedVersion('products');
  const { data: products, problem, load } = useLoaded((c) => c.call('listing.products', kind ? { kind } : {}), kind ?? '', synced);
  const { data: matrix, problem: matrixProblem } = useLoaded((c) => c.call('listing.matrix', {}), 'matrix');

  return (
    <PageFrame
      title={t('nav.sections.listing')}
      testId="page-listing"
      scroll
      actions={
        <>
          <Button icon={<FileSearchOutlined />} onClick={() => setCheckingByKind(true)} data-testid="listing-check-by-kind">
            {t('listing.checkByKind')}
          </Button>
          <SyncButton resources={['products']} testId="sync-listing" />
        </>
      }
    >
      {(matrixProblem ?? problem) && <Typography.Text type="danger">{matrixProblem ?? problem}</Typography.Text>}
      {matrix && <MatrixCard matrix={matrix} />}
      <Card
        size="small"
        title={t('listing.products')}
        className="listing-card"
        extra={
          <Select<ListingKind>
            allowClear
            size="small"
            value={kind}
            onChange={(value) => setKind(value ?? undefined)}
            placeholder={t('listing.allKinds')}
            options={LISTING_KINDS.map((k) => ({ value: k, label: t(`listing.kinds.${k}`) }))}
            style={{ width: 140 }}
            data-testid="listing-kind-filter"
          />
        }
      >
        <ProductsTable products={products} filtered={kind !== undefined} onOpen={setOpen} />
      </Card>
      {open && <ListingDrawer productId={open} onClose={() => setOpen(null)} onChanged={load} />}
      {checkingByKind && <GuideByKindDialog onClose={() => setCheckingByKind(false)} />}
    </PageFrame>
  );
}

/** The seed's table: which steps each access type goes through, and what its user guide must cover. */
function MatrixCard({ matrix }: { matrix: Matrix }) {
  const { t } = useTranslation();
  type Row = Matrix['kinds'][number];
  const noteOf = (row: Row, step: ListingStep) => {
    const note = row.steps.find((s) => s.step === step)?.note;
    return note ? t(`listing.stepNotes.${row.kind}.${step}`, { defaultValue: note }) : null;
  };
  // what stands in for a skipped step (镜像's 海顿测试) is a footnote, so each kind stays one line
  const notes = matrix.kinds.flatMap((row) =>
    LISTING_STEPS.map((step) => noteOf(row, step))
      .filter((note): note is string => note !== null)
      .map((note) => `${t(`listing.kinds.${row.kind}`)}：${note}`),
  );
  const stepCell = (row: Row, step: ListingStep) => {
    const cell = row.steps.find((s) => s.step === step);
    if (!cell) return null;
    const note = noteOf(row, step);
    return (
      <span className={cell.applies ? 'listing-yes' : 'listing-no'} data-applies={cell.applies} title={note ?? undefined}>
        {cell.applies ? <CheckOutlined /> : <CloseOutlined />} {cell.applies ? t('listing.matrix.yes') : t('listing.matrix.no')}
        {note && <sup className="listing-note">*</sup>}
      </span>
    );
  };
  return (
    <Card size="small" title={t('listing.matrix.title')} className="listing-card" data-testid="listing-matrix">
      <Table<Row>
        size="small"
        rowKey="kind"
        pagination={false}
        className="listing-matrix-table"
        dataSource={matrix.kinds}
        onRow={(row) => ({ 'data-kind': row.kind }) as HTMLAttributes<HTMLTableRowElement>}
        columns={[
          { key: 'kind', title: t('listing.matrix.kind'), width: 100, render: (_, row) => <strong>{t(`listing.kinds.${row.kind}`)}</strong> },
          ...LISTING_STEPS.map((step) => ({
            key: step,
            title: t(`listing.steps.${step}`),
            width: 130,
            render: (_: unknown, row: Row) => stepCell(row, step),
          })),
          {
            key: 'guide',
            title: t('listing.matrix.guide'),
            render: (_, row) => row.guideItems.map((g) => t(`listing.guideItems.${g.item}`)).join('、'),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="listing-footnote">
        {/* the file types are codes, not words */}
        <Trans
          i18nKey="listing.matrix.guideRule"
          values={{ types: matrix.guide.extensions.join('/'), maxMb: matrix.guide.maxBytes / 1024 / 1024, readable: matrix.guide.readable.join('/') }}
          components={{ code: <span translate="no" /> }}
        />
        {notes.map((note) => (
          <span key={note}>
            <br />* {note}
          </span>
        ))}
        <br />
        {t('listing.matrix.unconfirmed')}
      </Typography.Paragraph>
    </Card>
  );
}

function ProductsTable({ products, filtered, onOpen }: { products: ListingProduct[] | null; filtered: boolean; onOpen: (productId: string) => void }) {
  const { t } = useTranslation();
  if (products !== null && products.length === 0) {
    return (
      <div className="table-empty" data-testid="listing-empty">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('listing.noMatch') : t('listing.noProducts')} />
        {!filtered && <SyncButton resources={['products']} primary testId="sync-listing-empty" />}
      </div>
    );
  }
  const stepCell = (p: ListingProduct, step: ListingStep) => {
    if (p.kind === null) return <Typography.Text type="secondary">—</Typography.Text>;
    const state = p.steps.find((s) => s.step === step);
    if (!state) return <Typography.Text type="secondary">{t('listing.notNeeded')}</Typography.Text>;
    if (state.done) return <CellTag color="green">{state.date ? t('listing.stepDoneOn', { date: state.date }) : t('listing.stepDone')}</CellTag>;
    return <CellTag>{t('listing.stepOpen')}</CellTag>;
  };
  return (
    <Table<ListingProduct>
      size="small"
      rowKey="productId"
      loading={products === null}
      dataSource={products ?? []}
      pagination={false}
      data-testid="listing-products"
      onRow={(p) => ({ onClick: () => onOpen(p.productId), className: 'agents-row' })}
      columns={[
        {
          key: 'product',
          title: t('listing.columns.product'),
          render: (_, p) => (
            <div className="agents-cell-two">
              <span>{p.productName}</span>
              <small translate="no">{p.productId}</small>
            </div>
          ),
        },
        {
          key: 'kind',
          title: t('listing.columns.kind'),
          width: 110,
          render: (_, p) => (
            <span title={p.kind ? undefined : t('listing.notCoveredTitle', { accessType: p.accessType ?? '' })} data-kind={p.kind ?? ''}>
              {kindLabel(p, t)}
            </span>
          ),
        },
        ...LISTING_STEPS.map((step) => ({
          key: step,
          title: t(`listing.steps.${step}`),
          width: 140,
          render: (_: unknown, p: ListingProduct) => stepCell(p, step),
        })),
        {
          key: 'guide',
          title: t('listing.columns.guide'),
          width: 90,
          render: (_, p) =>
            p.guide === null ? (
              <Typography.Text type="secondary">{t('listing.guideNone')}</Typography.Text>
            ) : (
              <CellTag color={p.guide.passed ? 'green' : 'red'}>{p.guide.passed ? t('listing.guidePassed') : t('listing.guideFailed')}</CellTag>
            ),
        },
        {
          key: 'ready',
          title: t('listing.columns.ready'),
          width: 110,
          render: (_, p) => <CellTag color={p.ready ? 'green' : 'gold'}>{p.ready ? t('listing.ready') : t('listing.notReady')}</CellTag>,
        },
      ]}
    />
  );
}

/** A guide checked for a kind rather than a product: answered, not kept. */
function GuideByKindDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ListingKind | undefined>(undefined);
  const [result, setResult] = useState<GuideCheck | null>(null);
  return (
    <Modal open width={640} title={t('listing.checkByKind')} footer={null} onCancel={onClose} destroyOnHidden data-testid="listing-kind-dialog">
      <Form layout="vertical">
        <Form.Item label={t('listing.guide.kind')} extra={t('listing.guide.notKept')}>
          <Select<ListingKind>
            value={kind}
            onChange={(value) => {
              setKind(value);
              setResult(null);
            }}
            placeholder={t('listing.guide.kindRequired')}
            options={LISTING_KINDS.map((k) => ({ value: k, label: t(`listing.kinds.${k}`) }))}
            data-testid="listing-kind-select"
          />
        </Form.Item>
      </Form>
      <GuideUpload kind={kind} onChecked={setResult} testId="listing-kind-upload" />
      {result && <GuideCheckView check={result} />}
    </Modal>
  );
}
