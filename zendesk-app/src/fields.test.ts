import { fieldsToFill, readFieldId } from './fields';

const IDS = { orderNumber: 11, customerName: 12 };
const FACTS = { orderNumber: '123-456-789', customerName: 'Erika Mustermann' };

describe('fieldsToFill', () => {
  test.each([
    ['both empty everywhere: both filled', {}, {}, [11, 12]],
    ['whitespace counts as empty', { 11: '  ' }, { 12: '' }, [11, 12]],
    ['agent typed an order number (not saved yet): kept', { 11: '999-999-999' }, {}, [12]],
    ['a saved customer name: kept', {}, { 12: 'E. Mustermann' }, [11]],
    ['both already set: nothing to do', { 11: 'x' }, { 12: 'y' }, []],
  ])('%s', (_name, form: Record<number, string>, server: Record<number, string>, ids) => {
    const fills = fieldsToFill(FACTS, IDS, (id) => form[id] ?? null, (id) => server[id] ?? null);
    expect(fills.map((fill) => fill.id)).toEqual(ids);
  });

  test('a forward without a customer name fills only the order number', () => {
    expect(fieldsToFill({ orderNumber: '123-456-789', customerName: null }, IDS, () => null, () => null)).toEqual([{ id: 11, value: '123-456-789' }]);
  });

  test('without field ids nothing is filled', () => {
    expect(fieldsToFill(FACTS, { orderNumber: null, customerName: null }, () => null, () => null)).toEqual([]);
  });
});

describe('readFieldId', () => {
  test.each([
    [{ requirement_id: 360001 }, undefined, 360001],
    [{ requirement_id: '360001' }, 5, 360001],
    [undefined, 5, 5],
    [undefined, ' 42 ', 42],
    [undefined, '', null],
    [undefined, null, null],
    [undefined, 'abc', null],
    [undefined, -3, null],
  ])('requirement %p, setting %p → %p', (requirement, setting, id) => {
    expect(readFieldId(requirement, setting)).toBe(id);
  });
});
