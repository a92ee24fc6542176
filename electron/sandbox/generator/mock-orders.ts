import type { OrderInfo } from '../../core/koogallery';

/**
 * The nine debug orders KooGallery documents for order query (koogallery-api.md §3.1), each with
 * line `<ID>-000001`, answered in the documented shape.
 */
const MOCK_SCENARIOS: [string, OrderInfo['orderType'], OrderInfo['orderLine'][number]['chargingMode'], string | null][] = [
  ['MOCKPERIODYEARNEW', 'NEW', 'PERIOD', 'year'],
  ['MOCKONETIMENEW', 'NEW', 'ONE_TIME', null],
  ['MOCKONDEMAND', 'NEW', 'ON_DEMAND', null],
  ['MOCKONDEMANDPKG', 'NEW', 'ON_DEMAND_PKG', null],
  ['MOCKPERIODDAYTRIAL', 'TRIAL', 'PERIOD', 'day'],
  ['MOCKMONTYTRIALTOFORMAL', 'TRIAL_TO_FORMAL', 'PERIOD', 'month'],
  ['MOCKMONTYUNSUBSCRIBE', 'UNSUBSCRIBE', 'PERIOD', 'month'],
  ['MOCKMONTYRENEW', 'RENEW', 'PERIOD', 'month'],
  ['MOCKMONTYCHANGE', 'CHANGE', 'PERIOD', 'month'],
];

export const MOCK_ORDER_IDS = MOCK_SCENARIOS.map(([id]) => id);

export function mockOrderInfo(orderId: string): OrderInfo | null {
  const scenario = MOCK_SCENARIOS.find(([id]) => id === orderId);
  if (!scenario) return null;
  const [id, orderType, chargingMode, periodType] = scenario;
  return {
    orderId: id,
    orderType,
    createTime: '20241121090846',
    orderLine: [
      {
        orderLineId: `${id}-000001`,
        chargingMode,
        ...(periodType ? { periodType, periodNumber: 1, expireTime: '20251121235959' } : { expireTime: null }),
        productInfo: [
          {
            productId: 'OFFI846204237451911168',
            skuCode: '0a4d1578-5295-46a7-92d4-7c803dccc51d',
            linearValue: 50,
            productName: `MOCK测试商品,测试规格,基础版,${chargingMode === 'PERIOD' ? '包周期' : chargingMode === 'ONE_TIME' ? '按次' : '按需'}`,
          },
        ],
        extendParams: [
          { name: 'emailDomainName', value: 'test.xxxx.com' },
          { name: 'ip', value: '127.0.0.1' },
        ],
        currency: '100',
        currencyAfterDiscount: '100',
      },
    ],
    buyerInfo: {
      mobilePhone: '18688888888',
      email: null,
      customerId: '459bbbec25d24749b2eb83be37b602a8',
      customerName: 'mock_user_01',
      customerRealName: '测试用户1',
      customerType: 0,
      userId: null,
      userName: null,
    },
    extendParams: [],
  };
}
