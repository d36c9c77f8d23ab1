import type { FieldValue } from './zendesk-api';

/** Ids of the two custom ticket fields the app fills. */
export interface FieldIds {
  readonly orderNumber: number | null;
  readonly customerName: number | null;
}

export interface ForwardFacts {
  readonly orderNumber: string | null;
  readonly customerName: string | null;
}

export function fieldPath(id: number): string {
  return `ticket.customField:custom_field_${id}`;
}

export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * The fields to fill: only those empty both in the agent's form and on the server, so a value an agent typed
 * (saved or not) is never overwritten.
 */
export function fieldsToFill(
  facts: ForwardFacts,
  ids: FieldIds,
  formValue: (id: number) => unknown,
  serverValue: (id: number) => unknown,
): FieldValue[] {
  const wanted: [number | null, string | null][] = [
    [ids.orderNumber, facts.orderNumber],
    [ids.customerName, facts.customerName],
  ];
  const fills: FieldValue[] = [];
  for (const [id, value] of wanted) {
    if (id === null || value === null || value.trim() === '') continue;
    if (isEmpty(formValue(id)) && isEmpty(serverValue(id))) fills.push({ id, value: value.trim() });
  }
  return fills;
}

/** A field id from a requirement (`{requirement_id}`) or a setting (number or numeric text). */
export function readFieldId(requirement: unknown, setting: unknown): number | null {
  if (typeof requirement === 'object' && requirement !== null && 'requirement_id' in requirement) {
    const id = Number((requirement as { requirement_id: unknown }).requirement_id);
    if (Number.isSafeInteger(id) && id > 0) return id;
  }
  const fromSetting = typeof setting === 'string' ? Number(setting.trim()) : setting;
  return typeof fromSetting === 'number' && Number.isSafeInteger(fromSetting) && fromSetting > 0 ? fromSetting : null;
}
