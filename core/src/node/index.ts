// Node-only API: reading raw .eml files needs mailparser and Buffers, which a browser sidebar must not bundle.
export { readEml } from './eml';
export type { ReadEmlError } from './eml';
export { ReadEmlOptionsSchema } from './eml-options';
export type { ReadEmlLimits, ReadEmlOptions } from './eml-options';
export { parseDateHeader } from './date-header';
