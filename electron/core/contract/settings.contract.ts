import { z } from 'zod';
import { hasControlCharacters, isTimeZone, LANGUAGES, termCodes } from '../conventions';
import { method } from './define';

export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

/** A folder on this computer: an absolute path (/Users/…, C:\\…, \\\\server\\share), without control characters. */
const folderSchema = z
  .string()
  .trim()
  .min(1)
  .max(1024)
  .refine((folder) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(folder), {
    message: 'expected a full folder path, such as /Users/me/Downloads or C:\\Users\\me\\Downloads',
    params: { reason: 'absoluteFolder' },
  })
  .refine((folder) => !hasControlCharacters(folder), { message: 'a folder path without control characters', params: { reason: 'controlCharacters' } });

export const settingsSchema = z.object({
  language: languageSchema,
  /** IANA zone used to show times; everything is stored in UTC. */
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, { message: 'expected an IANA time zone such as Asia/Shanghai', params: { reason: 'timeZone' } }),
  /** Which marketplace the connector talks to: the embedded sandbox or the real KooGallery Open API. */
  dataSource: z.enum(['sandbox', 'real']),
  /** KooGallery site for the real API: China (mkt.myhuaweicloud.com) or international. */
  marketplaceRegion: z.enum(['cn', 'intl']),
  /** A folder where the metering system drops usage files (CSV, XLSX, JSON Lines); null: none. */
  usageWatchedFolder: folderSchema.nullable(),
  /** A folder such as Downloads watched for Seller Center exports; null: none. */
  exportsWatchedFolder: folderSchema.nullable(),
  /** Where exports are written; null: the Downloads folder in the desktop app, the data folder's exports/ in browser mode. */
  exportFolder: folderSchema.nullable(),
  /** How often orders, tickets and products sync by themselves; 0: only on demand. */
  syncIntervalMinutes: z.number().int().min(0).max(1440),
  /**
   * 商家总览 with the real KooGallery source, which publishes no API for them: the seller's name and
   * the 商业信息认证 / 服务协议签署 states as Seller Center shows them, entered once here.
   */
  sellerName: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .refine((name) => !hasControlCharacters(name), { message: 'a name without control characters', params: { reason: 'controlCharacters' } })
    .nullable(),
  certificationState: z.enum(termCodes('certification') as ['certified', 'in_review', 'not_certified']).nullable(),
  agreementState: z.enum(termCodes('agreement') as ['signed', 'unsigned']).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  language: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  dataSource: 'sandbox',
  marketplaceRegion: 'cn',
  usageWatchedFolder: null,
  syncIntervalMinutes: 30,
  exportsWatchedFolder: null,
  exportFolder: null,
  sellerName: null,
  certificationState: null,
  agreementState: null,
};

export const settingsContract = {
  'settings.get': method({
    summary: 'All settings, with defaults filled in.',
    input: z.object({}).strict(),
    output: settingsSchema,
  }),
  'settings.update': method({
    summary: 'Changes some settings in one transaction; an invalid value changes nothing.',
    input: settingsSchema.partial().strict(),
    output: settingsSchema,
  }),
};
