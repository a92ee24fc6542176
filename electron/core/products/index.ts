/** The seller's products (商品), as the source lists them. */
export { ProductsTable, PRODUCT_FIELDS, type ProductRecord, type ProductChoice } from './products-table';
