import {
  AGENTS_PRODUCT_TYPE,
  AGENTS_REGION,
  AGENTS_REGION_RULE,
  backendUrlProblem,
  backendUrlWarning,
  HUAWEI_CLOUD_REGIONS,
  termLabel,
  newItemId,
} from '../conventions';
import { CoreError, type MethodOutput, type MethodParsedInput } from '../contract';
import type { SecretStore } from '../platform';
import { queueForSource, type SalesContext, type SubmissionSheet } from '../submissions';
import type { AgentsTables, BackendCheck } from './agents-tables';
import { callBackend } from './backend-call';
import { bodyPreview, usageChecks } from './usage-checks';

type Registration = MethodOutput<'agents.register'>;
type CheckInput = MethodParsedInput<'agents.check'>;

export interface AgentsWorkOptions {
  tables: AgentsTables;
  /** The submission queue and history shared with 销售管理, and whether the source takes registrations. */
  sales: SalesContext;
  secrets: SecretStore;
}

/**
 * 注册Agents: registrations checked against the gateway's rules and kept here — the real one is made
 * in Seller Center from the submission sheet; a source that takes registrations (the sandbox) gets
 * them through the submission queue — and the backend checker — one request as the gateway
 * sends it, its answer checked for what billing reads. Secret headers live in the OS keychain only.
 */
export class AgentsWork {
  constructor(private readonly options: AgentsWorkOptions) {}

  registrations(): Registration[] {
    return this.options.tables.all().map((r) => ({ ...r, lastCheck: this.options.tables.checks(r.backendUrl, 1)[0] ?? null }));
  }

  /** The 通用商品 cached here, on sale or not (a product is registered before it goes on sale). */
  products(): MethodOutput<'agents.products'> {
    return this.options.sales.products.ofType(AGENTS_PRODUCT_TYPE, false);
  }

  register(input: MethodParsedInput<'agents.register'>): Registration {
    if (input.region !== AGENTS_REGION) {
      const name = HUAWEI_CLOUD_REGIONS[input.region as keyof typeof HUAWEI_CLOUD_REGIONS] ?? input.region;
      throw new CoreError('VALIDATION', AGENTS_REGION_RULE, { reason: 'agents.region', params: { region: name, regionCode: input.region } });
    }
    this.checkUrl(input.backendUrl);
    const { sales, tables } = this.options;
    const product = input.productId ? sales.products.choice(input.productId) : null;
    if (product && product.productType !== AGENTS_PRODUCT_TYPE) {
      throw new CoreError('VALIDATION', `The Agents gateway takes 通用商品 only; ${product.name} is ${termLabel('productType', product.productType)}`, {
        reason: 'agents.generalOnly',
        params: { productName: product.name, productType: termLabel('productType', product.productType) },
      });
    }
    const now = sales.now();
    const registrationId = newItemId('AG', 12);
    const registration = {
      registrationId,
      productId: input.productId ?? null,
      productName: product?.name ?? input.productName,
      backendUrl: input.backendUrl,
      authMode: input.authMode,
      region: input.region,
      method: input.method,
      headers: input.headers,
      secretHeaders: [],
      body: input.body ?? null,
      state: 'ready' as const,
      refusal: null,
      createdAt: now,
      updatedAt: now,
    };
    sales.db.transaction(() => {
      tables.insert(registration);
      sales.records.addHistory('agents', registrationId, { at: now, actor: 'seller', change: 'created', detail: null });
      if (sales.path() === 'act') queueForSource(sales, 'agents', registrationId, 'register', { registration: registrationBody(registration) });
    })();
    return this.registration(registrationId);
  }

  detail(registrationId: string): MethodOutput<'agents.get'> {
    const registration = this.registration(registrationId);
    return {
      registration,
      sheet: registrationSheet(registration),
      history: this.options.sales.records.history('agents', registrationId),
      checks: this.options.tables.checks(registration.backendUrl),
    };
  }

  /** A backend's checks, newest first (a backend checked without a registration too). */
  checks(url: string): BackendCheck[] {
    return this.options.tables.checks(url);
  }

  markSubmitted(registrationId: string): Registration {
    this.registration(registrationId);
    const at = this.options.sales.now();
    this.options.sales.db.transaction(() => {
      this.options.tables.setState(registrationId, 'submitted', at);
      this.options.sales.records.addHistory('agents', registrationId, { at, actor: 'seller', change: 'markedSubmitted', detail: null });
    })();
    return this.registration(registrationId);
  }

  /** Keeps a secret header in the keychain (its name in the database, never its value). */
  async saveSecretHeader(registrationId: string, name: string, value: string): Promise<{ secretHeaders: string[] }> {
    const registration = this.registration(registrationId);
    await this.options.secrets.set(secretName(registrationId, name), value);
    const names = [...new Set([...registration.secretHeaders, name])];
    this.options.tables.setSecretHeaders(registrationId, names, this.options.sales.now());
    return { secretHeaders: names };
  }

  /** One call to the backend and the checks of its answer; kept with the backend's history. */
  async check(input: CheckInput): Promise<BackendCheck> {
    const registration = input.registrationId ? this.registration(input.registrationId) : null;
    const url = input.url ?? registration!.backendUrl;
    this.checkUrl(url);
    const headers = await this.headersFor(registration, input);
    const body = input.body !== undefined ? input.body : (registration?.body ?? null);
    const at = this.options.sales.now();
    const answer = await callBackend({
      url,
      method: input.url || !registration ? input.method : registration.method,
      headers: { accept: 'application/json, text/event-stream', ...(body !== null ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === null ? null : JSON.stringify(body),
      timeoutMs: input.timeoutMs,
    });
    const checks = usageChecks(answer);
    const result: BackendCheck = {
      passed: checks.every((c) => c.passed) && checks.length === 7,
      checks,
      response: { status: answer.status, contentType: answer.contentType, bytes: answer.body.length, bodyPreview: bodyPreview(answer.body) },
      timings: answer.timings,
      url,
      at,
      warning: backendUrlWarning(url),
    };
    this.options.tables.addCheck(registration?.registrationId ?? null, result);
    return result;
  }

  private registration(registrationId: string): Registration {
    const found = this.options.tables.get(registrationId);
    if (!found)
      throw new CoreError('NOT_FOUND', `Agents registration ${registrationId} is not kept here`, { reason: 'agents.notFound', params: { registrationId } });
    return { ...found, lastCheck: this.options.tables.checks(found.backendUrl, 1)[0] ?? null };
  }

  private checkUrl(url: string): void {
    if (backendUrlProblem(url)) throw new CoreError('VALIDATION', `${url} is not an http(s) address`, { reason: 'agents.backendUrl', params: { url } });
  }

  /** The registration's headers with its secret ones from the keychain, then the call's own (they win). */
  private async headersFor(registration: Registration | null, input: CheckInput): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    for (const h of registration?.headers ?? []) headers[h.name] = h.value;
    for (const name of registration?.secretHeaders ?? []) {
      const value = await this.options.secrets.get(secretName(registration!.registrationId, name));
      if (value !== null) headers[name] = value;
    }
    for (const h of input.headers) headers[h.name] = h.value;
    return headers;
  }
}

function secretName(registrationId: string, header: string): string {
  return `agents.${registrationId}.header.${header.toLowerCase()}`;
}

/** The registration as the sandbox's endpoint takes it. */
function registrationBody(r: Omit<Registration, 'lastCheck'>): Record<string, unknown> {
  return {
    registration_id: r.registrationId,
    product_id: r.productId,
    product_name: r.productName,
    backend_url: r.backendUrl,
    auth_mode: r.authMode,
    region: r.region,
  };
}

function registrationSheet(r: Registration): SubmissionSheet {
  return {
    menuPath: '卖家中心 › 应用工具 › 注册Agents（后端地址：应用工具 › 生产地址管理 › 校验后端服务）',
    fields: [
      { label: '商品名称', value: r.productName },
      { label: '区域', value: HUAWEI_CLOUD_REGIONS[r.region as keyof typeof HUAWEI_CLOUD_REGIONS] ?? r.region },
      { label: '后端服务地址', value: r.backendUrl },
      { label: '请求方法', value: r.method },
      { label: '认证方式', value: r.authMode === 'aksk' ? 'AK/SK' : '自主认证' },
    ],
  };
}
