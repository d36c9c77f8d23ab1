import { NO_FIELDS, loadFieldNames } from './field-names';

function store(value: unknown, fails = false) {
  return { get: (key: string) => (fails ? Promise.reject({ status: 404, message: 'Record not found' }) : Promise.resolve(key === 'ticket-fields' ? value : undefined)) };
}

describe('loadFieldNames', () => {
  test('the names onAppInstall stored', async () => {
    const names = { orderNumber: 'cf_rakutenbestellnummer1', customerName: null };
    await expect(loadFieldNames(store(names))).resolves.toEqual(names);
  });

  test('nothing stored, or something else: no fields, never a failure', async () => {
    await expect(loadFieldNames(store(null, true))).resolves.toBe(NO_FIELDS);
    await expect(loadFieldNames(store({ orderNumber: 7 }))).resolves.toBe(NO_FIELDS);
  });
});
