import { fileExtension, uploadProblem } from './upload-rules';

/**
 * 商品上架检查 (product.md §3.12): which of 海顿测试 / 联营Kit对接 / 自动化部署 a product kind goes
 * through, and what review demands of its 使用指南 / 操作手册 — the file rule and the items it must
 * cover, each worded as Seller Center's refusal words it. The core, the sandbox and the pages read
 * these.
 */

/** Product kinds by access type (koogallery-api.md §4.2); the kinds the matrix covers. */
export const LISTING_KINDS = ['saas', 'license', 'professional_service', 'hardware', 'image', 'api'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

export const LISTING_STEPS = ['haydn_test', 'kit_integration', 'auto_deploy'] as const;
export type ListingStep = (typeof LISTING_STEPS)[number];

/** The words of each kind and step, as Seller Center writes them. */
export const LISTING_STEP_TERMS: Record<ListingStep, { zh: string; en: string }> = {
  haydn_test: { zh: '海顿测试', en: 'Haydn test' },
  kit_integration: { zh: '联营Kit对接', en: 'Joint-operation Kit integration' },
  auto_deploy: { zh: '自动化部署对接', en: 'Automated deployment integration' },
};

/**
 * The seed's table "接入类型 海顿测试 联营kit对接 自动化部署": SaaS √ √ ×, License √ √ √, 人工服务 × × ×,
 * 硬件 √ × ×. The seed is cut after 镜像; 镜像 and API follow koogallery-api.md §4.14.
 */
export const LISTING_MATRIX: Record<ListingKind, Record<ListingStep, boolean>> = {
  saas: { haydn_test: true, kit_integration: true, auto_deploy: false },
  license: { haydn_test: true, kit_integration: true, auto_deploy: true },
  professional_service: { haydn_test: false, kit_integration: false, auto_deploy: false },
  hardware: { haydn_test: true, kit_integration: false, auto_deploy: false },
  // [UNCONFIRMED] the seed's row is cut off; §4.14: "Security testing is done by asset-center scanning
  // instead" (no 海顿测试), no 联营Kit, 自动化部署 "Supported" ("provided for image and License products only").
  image: { haydn_test: false, kit_integration: false, auto_deploy: true },
  // [UNCONFIRMED] not in the seed's table; §4.14: 海顿测试 Required, no 联营Kit, no 自动化部署.
  api: { haydn_test: true, kit_integration: false, auto_deploy: false },
};

/** What stands in for a step a kind skips, where §4.14 says so. */
export const LISTING_STEP_NOTES: Partial<Record<ListingKind, Partial<Record<ListingStep, string>>>> = {
  image: { haydn_test: '镜像商品的安全测试由资产中心扫描代替' },
};

/** The steps a kind goes through, in the table's order. */
export function listingSteps(kind: ListingKind): ListingStep[] {
  return LISTING_STEPS.filter((step) => LISTING_MATRIX[kind][step]);
}

/** A product's access type as the source lists it (SaaS, License, 镜像 …) → its kind; null for kinds the matrix does not cover (AI资产, 容器 …). */
export function listingKindOf(accessType: string | null): ListingKind | null {
  if (!accessType) return null;
  return ACCESS_TYPE_KINDS[accessType.trim().toLowerCase()] ?? null;
}

const ACCESS_TYPE_KINDS: Record<string, ListingKind> = {
  saas: 'saas',
  license: 'license',
  人工服务: 'professional_service',
  专业服务: 'professional_service',
  professional_service: 'professional_service',
  硬件: 'hardware',
  hardware: 'hardware',
  镜像: 'image',
  image: 'image',
  api: 'api',
};

// ── The user guide (使用指南 / 操作手册) ────────────────────────────────────────────────────────

/** "rar/zip/doc/docx/pdf/ppt/pptx", at most 20 MB (koogallery-api.md §4.15). */
export const GUIDE_EXTENSIONS = ['rar', 'zip', 'doc', 'docx', 'pdf', 'ppt', 'pptx'] as const;
export const GUIDE_MAX_BYTES = 20 * 1024 * 1024;
/** The types whose text the app reads; the others are taken by type but their text is not checked. */
export const GUIDE_READABLE = ['docx', 'pdf', 'pptx'] as const;
export type GuideReadable = (typeof GUIDE_READABLE)[number];

/** Why a guide file is refused (by its name and size), or null when Seller Center takes it. */
export function guideFileProblem(
  fileName: string,
  size: number,
): { reason: 'guideType' | 'guideSize' | 'guideEmpty'; params: Record<string, string | number> } | null {
  const problem = uploadProblem(fileName, size, { extensions: GUIDE_EXTENSIONS, maxBytes: GUIDE_MAX_BYTES });
  return problem && { reason: GUIDE_REASONS[problem.kind], params: problem.params };
}

const GUIDE_REASONS = { type: 'guideType', size: 'guideSize', empty: 'guideEmpty' } as const;

/** Whether the app can read the text of a guide of this name; why not when it cannot. */
export function guideReadability(fileName: string): { readable: GuideReadable } | { readable: null; why: 'legacyFormat' | 'archive' } {
  const extension = fileExtension(fileName);
  if ((GUIDE_READABLE as readonly string[]).includes(extension)) return { readable: extension as GuideReadable };
  return { readable: null, why: extension === 'rar' || extension === 'zip' ? 'archive' : 'legacyFormat' };
}

/** The seed's words for what review refuses a guide over ("…请补充完整后重新上传"). */
export const GUIDE_SEED_WORDING = {
  all: '请提供与商品相符且有效的操作手册,需说明用户从云商店购买商品后,如何登录、使用等;使用指南需说明用户从云商店购买产品后,如何登录、使用等。',
  image: '镜像商品需说明镜像购买并部署在华为云主机后,需开放哪些端口、如何登入使用等。',
  api: 'API类商品的使用指南需补充如何使用该商品的API接口等相关内容,用于指导用户操作,请补充完整后重新上传。',
} as const;

export const GUIDE_ITEMS = ['login', 'use', 'ports', 'api'] as const;
export type GuideItem = (typeof GUIDE_ITEMS)[number];

/**
 * What covers an item: every group has a match, the later groups within `near` characters of the
 * first group's match. Chinese keywords also match with spaces between their characters (PDF text
 * often has them). `ignore` phrases are taken out first (使用指南 is a title, not how to use it).
 */
export interface GuideItemRule {
  groups: readonly (readonly (string | RegExp)[])[];
  near?: number;
  ignore?: readonly string[];
  /** The seed's sentence shown when the item is missing. */
  message: string;
}

export const GUIDE_ITEM_RULES: Record<GuideItem, GuideItemRule> = {
  login: { groups: [['登录', '登入', '登陆', /\blog[- ]?in\b/i, /\bsign[- ]?in\b/i]], message: GUIDE_SEED_WORDING.all },
  use: {
    groups: [['使用', '操作', '步骤', /\bhow to use\b/i, /\bsteps?\b/i, /\busage\b/i]],
    ignore: ['使用指南', '操作手册', '使用手册', '操作指南', '用户指南'],
    message: GUIDE_SEED_WORDING.all,
  },
  ports: {
    groups: [['端口', /\bports?\b/i], [/(?<!\d\.?)\d{2,5}(?!\.?\d)/]],
    near: 30,
    message: GUIDE_SEED_WORDING.image,
  },
  api: {
    groups: [
      [/\bAPIs?\b/i, '接口'],
      ['调用', '请求', /\bendpoint/i, /\bcurl\b/i, /\brequest/i, /\bcall/i, /\b(GET|POST|PUT|DELETE)\s+\//],
    ],
    near: 300,
    message: GUIDE_SEED_WORDING.api,
  },
};

/** The items a kind's guide must cover: how to log in and use it (all); 镜像: the ports; API: how to call it. */
export function guideItems(kind: ListingKind): GuideItem[] {
  if (kind === 'image') return ['login', 'use', 'ports'];
  if (kind === 'api') return ['login', 'use', 'api'];
  return ['login', 'use'];
}

export interface GuideItemResult {
  item: GuideItem;
  /** null: the text could not be read, so the item was not checked. */
  covered: boolean | null;
  /** A short piece of the guide around what covers it. */
  evidence: string | null;
  /** The seed's wording when it is missing (or not checked); null when covered. */
  message: string | null;
}

const EVIDENCE_CONTEXT = 24;
const EVIDENCE_MAX = 100;

/** Checks a guide's text for each item its kind needs; null text: not read, every item unchecked. */
export function checkGuideText(kind: ListingKind, text: string | null): GuideItemResult[] {
  return guideItems(kind).map((item) => {
    const rule = GUIDE_ITEM_RULES[item];
    if (text === null) return { item, covered: null, evidence: null, message: rule.message };
    const evidence = findEvidence(text, rule);
    return evidence === null ? { item, covered: false, evidence: null, message: rule.message } : { item, covered: true, evidence, message: null };
  });
}

function findEvidence(rawText: string, rule: GuideItemRule): string | null {
  let text = rawText.replace(/\s+/g, ' ');
  for (const phrase of rule.ignore ?? []) text = text.replace(keywordPattern(phrase, 'g'), (m) => ' '.repeat(m.length));
  const [first, ...rest] = rule.groups.map((group) => group.map((k) => (typeof k === 'string' ? keywordPattern(k, 'g') : withGlobal(k))));
  const near = rule.near ?? 0;
  const others = rest.map((group) => matches(text, group));
  for (const at of matches(text, first!)) {
    let start = at.index;
    let end = at.index + at.length;
    const covered = others.every((groupMatches) => {
      // the match of this group closest to the first group's
      const found = groupMatches.filter((m) => m.index + m.length >= at.index - near && m.index <= at.index + at.length + near);
      const closest = found.sort((a, b) => Math.abs(a.index - at.index) - Math.abs(b.index - at.index))[0];
      if (!closest) return false;
      start = Math.min(start, closest.index);
      end = Math.max(end, closest.index + closest.length);
      return true;
    });
    if (covered) return snippet(text, start, end);
  }
  return null;
}

function matches(text: string, patterns: RegExp[]): { index: number; length: number }[] {
  const found: { index: number; length: number }[] = [];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.push({ index: m.index, length: m[0].length });
  return found.sort((a, b) => a.index - b.index);
}

/** A keyword as a pattern: Chinese characters may have spaces between them. */
function keywordPattern(keyword: string, flags: string): RegExp {
  const escaped = [...keyword].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('\\s?'), flags + 'i');
}

function withGlobal(pattern: RegExp): RegExp {
  return pattern.flags.includes('g') ? pattern : new RegExp(pattern.source, pattern.flags + 'g');
}

/** The matched words with some context, at most about 100 characters. */
function snippet(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EVIDENCE_CONTEXT);
  const to = Math.min(text.length, Math.max(end, start) + EVIDENCE_CONTEXT, from + EVIDENCE_MAX);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}
