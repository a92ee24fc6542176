import { CoreError } from '../contract';
import { LIST_RESOURCES, type ApiOutcome, type KooGalleryClient, type ListResource } from '../koogallery';
import {
  fetchListPage,
  fetchSandboxInstances,
  sendSalesAction,
  sendSupervisionAction,
  sendTicketAction,
  type KnownInstance,
  type ListPage,
  type SupervisionActionBody,
} from './list-client';

/** What a source can do, so the UI can say what it cannot instead of failing. */
export interface ConnectorCapabilities {
  pushUsage: boolean;
  queryOrder: boolean;
  license: boolean;
  /** Resources the source can list page by page (KooGallery publishes none). */
  lists: readonly ListResource[];
  /** Ticket replies and closes (KooGallery publishes no ticket API). */
  ticketActions: boolean;
  /** 服务监管 actions (交付, 上传交付凭证, 确认服务完成, 申诉); KooGallery publishes no such API. */
  supervisionActions: boolean;
  /** 销售管理 submissions (客户需求, Private Offer, 代金券, 商业规划); KooGallery publishes no such API. */
  salesActions: boolean;
}

export interface Connector {
  readonly source: 'sandbox' | 'koogallery';
  readonly capabilities: ConnectorCapabilities;
  /** Usage push, order query and License: the same client for both sources. */
  readonly api: KooGalleryClient;
  listPage(resource: ListResource, cursor: string | null, limit: number): Promise<ApiOutcome<ListPage>>;
  sendTicketAction(ticketId: string, action: 'reply' | 'close', body: string | null): Promise<ApiOutcome<unknown>>;
  sendSupervisionAction(flowId: string, body: SupervisionActionBody): Promise<ApiOutcome<unknown>>;
  /** A 销售管理 submission to `path` under the sandbox's `/sandbox/v1/`; answers with the envelope's fields. */
  sendSalesAction(path: string, body: Record<string, unknown>): Promise<ApiOutcome<Record<string, unknown>>>;
  /** Pay-per-use instances the source can list (the sandbox's; KooGallery publishes no such list). */
  instances(): Promise<KnownInstance[]>;
}

/** The sandbox marketplace: everything KooGallery offers, plus its list endpoints. */
export function sandboxConnector(api: KooGalleryClient, baseUrl: string): Connector {
  return {
    source: 'sandbox',
    capabilities: {
      pushUsage: true,
      queryOrder: true,
      license: true,
      lists: LIST_RESOURCES,
      ticketActions: true,
      supervisionActions: true,
      salesActions: true,
    },
    api,
    listPage: (resource, cursor, limit) => fetchListPage(api, resource, cursor, limit),
    sendTicketAction: (ticketId, action, body) => sendTicketAction(api, ticketId, action, body),
    sendSupervisionAction: (flowId, body) => sendSupervisionAction(api, flowId, body),
    sendSalesAction: (path, body) => sendSalesAction(api, path, body),
    instances: () => fetchSandboxInstances(baseUrl),
  };
}

/** The real KooGallery Open API: no list endpoints exist (koogallery-api.md §3.6); use Seller Center exports. */
export function koogalleryConnector(api: KooGalleryClient): Connector {
  return {
    source: 'koogallery',
    capabilities: { pushUsage: true, queryOrder: true, license: true, lists: [], ticketActions: false, supervisionActions: false, salesActions: false },
    api,
    listPage: async (resource) => {
      throw new CoreError('UNSUPPORTED', `KooGallery publishes no list API for ${resource}; import the Seller Center export file instead`, {
        reason: 'source.noList',
        params: { resource },
      });
    },
    sendTicketAction: async () => {
      throw new CoreError('UNSUPPORTED', 'KooGallery publishes no ticket API; reply and close in Seller Center', { reason: 'source.noTicketApi' });
    },
    sendSupervisionAction: async () => {
      throw new CoreError('UNSUPPORTED', 'KooGallery publishes no service supervision API; act in Seller Center and record it here', {
        reason: 'source.noSupervisionApi',
      });
    },
    sendSalesAction: async () => {
      throw new CoreError('UNSUPPORTED', 'KooGallery publishes no API for 客户需求, offers, vouchers or business plans; submit in Seller Center', {
        reason: 'source.noSalesApi',
      });
    },
    instances: async () => [],
  };
}
