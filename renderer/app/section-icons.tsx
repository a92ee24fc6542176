import {
  AccountBookOutlined,
  AuditOutlined,
  BarChartOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FundProjectionScreenOutlined,
  GiftOutlined,
  MessageOutlined,
  ProfileOutlined,
  RobotOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TagsOutlined,
  TransactionOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { SectionKey } from './sections';

/** The menu's icons: all a collapsed sidebar shows (the name is in the tooltip). */
export const SECTION_ICONS: Record<SectionKey, ReactNode> = {
  overview: <DashboardOutlined />,
  tickets: <CustomerServiceOutlined />,
  receivers: <MessageOutlined />,
  orders: <ProfileOutlined />,
  transactions: <TransactionOutlined />,
  bills: <AccountBookOutlined />,
  usage: <WalletOutlined />,
  supervision: <SafetyCertificateOutlined />,
  offers: <TagsOutlined />,
  vouchers: <GiftOutlined />,
  planning: <FundProjectionScreenOutlined />,
  agents: <RobotOutlined />,
  listing: <AuditOutlined />,
  storeFigures: <BarChartOutlined />,
  settings: <SettingOutlined />,
};
