/**
 * 注册Agents (product.md §3.11, koogallery-api.md §9): the gateway's region, the backend address it
 * accepts, and what an answer must carry for the gateway to bill it ("计费依赖商家响应的token数").
 */

/** "目前华为云云商店的Agents网关默认在华北-北京四,其他区域暂不支持". */
export const AGENTS_REGION = 'cn-north-4';
export const AGENTS_REGION_RULE = '目前华为云云商店的Agents网关默认在华北-北京四,其他区域暂不支持';
/** The regions a seller may pick from; only 华北-北京四 is accepted. */
export const HUAWEI_CLOUD_REGIONS = {
  'cn-north-4': '华北-北京四',
  'cn-east-3': '华东-上海一',
  'cn-south-1': '华南-广州',
  'cn-southwest-2': '西南-贵阳一',
  'ap-southeast-1': '中国-香港',
} as const;

/** AK/SK (an HS256 JWT the gateway signs) or 自主认证 (a constant header the gateway forwards). */
export const AGENTS_AUTH_MODES = ['aksk', 'self_managed'] as const;
export type AgentsAuthMode = (typeof AGENTS_AUTH_MODES)[number];

/** Why a backend URL is refused: not an http(s) URL. */
export function backendUrlProblem(text: string): 'backendUrl' | null {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'backendUrl';
  } catch {
    return 'backendUrl';
  }
}

/**
 * Plain http to anything but this computer: the gateway accepts it (koogallery-api.md §9: "HTTP or
 * HTTPS"), so it is not refused, but the seller is told the key and the customers' data travel in clear.
 */
export function backendUrlWarning(text: string): 'plainHttp' | null {
  const url = new URL(text);
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  return url.protocol === 'http:' && !local ? 'plainHttp' : null;
}

/** "通用商品 only" (§9): the product registered with the Agents gateway. */
export const AGENTS_PRODUCT_TYPE = 'general';

/** The backend checker's limits: an answer is waited for this long, and read up to this size. */
export const AGENTS_CHECK_TIMEOUT_MS = 30_000;
export const AGENTS_CHECK_MAX_BYTES = 10 * 1024 * 1024;
/** How much of a failing answer's body the result shows. */
export const AGENTS_BODY_PREVIEW_BYTES = 2048;

/**
 * The usage the gateway bills from: a top-level `usage` with the input count (`prompt_tokens`, or
 * `input_tokens` — §9), the output count (`completion_tokens` or `output_tokens`) and `total_tokens`,
 * each an integer ≥ 0, the total the sum of the two.
 */
export const USAGE_INPUT_FIELDS = ['prompt_tokens', 'input_tokens'] as const;
export const USAGE_OUTPUT_FIELDS = ['completion_tokens', 'output_tokens'] as const;
