/** The status bar: which source, online or not (probed on a schedule), and the app's facts. */
export { ConnectivityMonitor, type Connectivity } from './connectivity-monitor';
export { statusHandlers } from './handlers';
