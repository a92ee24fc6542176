/** The seller's products (商品), as the source lists them. */
export { ProductsTable, type ProductRecord } from './products-table';
