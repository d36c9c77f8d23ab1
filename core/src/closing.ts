// placeholder signature, implemented by the closing-only work
export type ClosingReason = string;
export interface ClosingVerdict {
  readonly closingOnly: boolean;
  readonly reason: ClosingReason;
}
export function classifyClosing(customerMessage: string): ClosingVerdict {
  return { closingOnly: false, reason: customerMessage.length === 0 ? 'empty' : 'unknown' };
}
export function isClosingOnly(customerMessage: string): boolean {
  return classifyClosing(customerMessage).closingOnly;
}
