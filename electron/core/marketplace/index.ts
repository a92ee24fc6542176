/** Which marketplace the app talks to (the sandbox or KooGallery), what it can do, and the credentials. */
export { DataSourceManager, type SandboxMode, type EmbeddedSandbox, type DataSourceOptions } from './data-source';
export { type Connector, type ConnectorCapabilities } from './connector';
export { itemsOfRows, rowsOfItems, type ItemRows, type ListPage, type KnownInstance, type SupervisionActionBody } from './list-client';
export { marketplaceHandlers } from './handlers';
